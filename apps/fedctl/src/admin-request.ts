import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Command } from 'commander';
import { CliContext } from './cli-context.js';
import { graphqlRequest } from './graphql-client.js';
import type { GlobalOptions } from './output.js';

export interface AdminOptions {
  node?: string;
  token?: string;
}

/** Adds the options every admin command shares. */
export function withAdminOptions(command: Command): Command {
  return command
    .option('--node <CC|url>', 'the node to talk to (default: $NODE_COUNTRY)')
    .option('--token <jwt>', 'admin bearer token (default: $OTS_TOKEN, else the local development identity provider)');
}

/** The node the options name, with an admin token for it. */
export async function adminTarget(
  command: Command,
  options: AdminOptions,
): Promise<{ context: CliContext; country: string; baseUrl: string; endpoint: string; token: string }> {
  const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
  const node = await context.resolveNode(options.node);
  const token = await context.token(node.country, 'admin', options.token);
  return { context, ...node, endpoint: `${node.baseUrl}/graphql`, token };
}

/** One admin operation at the node the options name. */
export async function adminRequest<Result, Variables extends Record<string, unknown>>(
  command: Command,
  options: AdminOptions,
  document: TypedDocumentNode<Result, Variables>,
  ...variables: Variables extends Record<string, never> ? [] : [Variables]
): Promise<{ data: Result; country: string }> {
  const target = await adminTarget(command, options);
  const data = await graphqlRequest(target, document, ...variables);
  return { data, country: target.country };
}
