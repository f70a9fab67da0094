import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A refusal or failure the node answered with: its stable code and its message in the page's language. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The node's untranslated facts (`extensions.detail`): a refused form names its fields there. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface ApiContext {
  token: string | undefined;
  lang: string;
  /** Called when the node says the session is no longer valid, before the error is thrown. */
  onUnauthenticated: () => void;
}

interface GraphqlAnswer<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; detail?: string } }[];
}

const printed = new WeakMap<object, string>();

/** Sends one generated, typed operation to this node's /graphql; the node's first error becomes an ApiError. */
export async function request<R, V>(context: ApiContext, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  let query = printed.get(document);
  if (!query) {
    query = print(document);
    printed.set(document, query);
  }
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': context.lang,
        ...(context.token ? { authorization: `Bearer ${context.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', '');
  }
  let answer: GraphqlAnswer<R>;
  try {
    answer = (await response.json()) as GraphqlAnswer<R>;
  } catch {
    throw new ApiError('NETWORK', '');
  }
  const first = answer.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL';
    if (code === 'UNAUTHENTICATED') context.onUnauthenticated();
    throw new ApiError(code, first.message, first.extensions?.detail);
  }
  if (!answer.data) throw new ApiError('INTERNAL', '');
  return answer.data;
}
