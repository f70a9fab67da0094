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

/** One admin GraphQL call to the node the options name. */
export async function adminRequest<T>(
  command: Command,
  options: AdminOptions,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; country: string }> {
  const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
  const node = await context.resolveNode(options.node);
  const token = await context.token(node.country, 'admin', options.token);
  const data = await graphqlRequest<T>({ endpoint: `${node.baseUrl}/graphql`, token, query, variables });
  return { data, country: node.country };
}
