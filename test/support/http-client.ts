import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = unknown>(): T;
}

/**
 * One HTTP(S) request from a chosen local address (any of 127.0.0.0/8 on Linux), so that a test can act as
 * several clients of a node's per-address limits; `ca` trusts a test certificate authority.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string; ca?: string | Buffer } = {},
): Promise<HttpAnswer> {
  const target = new URL(url);
  const requestOptions: RequestOptions = {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: options.headers,
    localAddress: options.localAddress,
    ca: options.ca,
    agent: false,
  };
  const open = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = open(target, requestOptions, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A GraphQL POST through `send`. */
export const postGraphql = (
  baseUrl: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string>; localAddress?: string; ca?: string | Buffer } = {},
): Promise<HttpAnswer> =>
  send(`${baseUrl}/graphql`, {
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
    localAddress: options.localAddress,
    ca: options.ca,
  });
