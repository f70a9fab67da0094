/** A GraphQL error as the node reports it: stable code plus a message in the asked language. */
export class NodeRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NodeRequestError';
  }
}

export interface GraphqlRequest {
  endpoint: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  lang?: string;
  timeoutMs?: number;
}

/** One GraphQL call over HTTP; errors come back as NodeRequestError with the node's code. */
export async function graphqlRequest<T>(request: GraphqlRequest): Promise<T> {
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(request.lang ? { 'accept-language': request.lang } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw new NodeRequestError(
      'NODE_UNREACHABLE',
      `cannot reach ${request.endpoint}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`,
    );
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new NodeRequestError('BAD_RESPONSE', `${request.endpoint} answered ${response.status} without JSON`);
  }
  const first = body.errors?.[0];
  if (first) throw new NodeRequestError(first.extensions?.code ?? 'UNKNOWN', first.message);
  if (!body.data) throw new NodeRequestError('BAD_RESPONSE', `${request.endpoint} answered without data`);
  return body.data;
}
