import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CliError } from './cli-error.js';
import { currentCliLanguage } from './i18n/cli-language.js';

/**
 * A GraphQL error as the node reports it: its stable code, its message in the language fedctl asked for, and what
 * the node says beside it (`reason`: which check failed; `detail`: the node's own words on an admin's call).
 */
export class NodeRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason?: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'NodeRequestError';
  }

  /** `CODE (REASON): message: detail`, the one line fedctl prints. */
  describe(): string {
    const withDetail =
      this.detail && !this.message.includes(this.detail) ? `${this.message.replace(/\.$/, '')}: ${this.detail}` : this.message;
    return `${this.code}${this.reason ? ` (${this.reason})` : ''}: ${withDetail}`;
  }
}

export interface NodeTarget {
  endpoint: string;
  token?: string;
  timeoutMs?: number;
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; detail?: string } }[];
}

/**
 * One typed operation (apps/fedctl/src/operations, generated from the node's schema) over HTTP; values travel
 * only as variables. The node answers in the admin's language (Accept-Language).
 */
export async function graphqlRequest<Result, Variables extends Record<string, unknown>>(
  target: NodeTarget,
  document: TypedDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(target.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': currentCliLanguage(),
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      signal: AbortSignal.timeout(target.timeoutMs ?? 30_000),
    });
  } catch (err) {
    const cause = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
    throw new CliError('nodeUnreachable', { endpoint: target.endpoint, cause });
  }
  let body: GraphqlAnswer<Result>;
  try {
    body = (await response.json()) as GraphqlAnswer<Result>;
  } catch {
    throw new CliError('badResponse', { endpoint: target.endpoint, status: response.status });
  }
  const first = body.errors?.[0];
  if (first)
    throw new NodeRequestError(first.extensions?.code ?? 'UNKNOWN', first.message, first.extensions?.reason, first.extensions?.detail);
  if (!body.data) throw new CliError('badResponse', { endpoint: target.endpoint, status: response.status });
  return body.data;
}
