import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import { signCompact, unverifiedPayload } from '@ots/jws';
import { RECEIPT_TYP } from '@ots/messaging';

/**
 * How the proxy answers a `deliver` of a message it has passed on before, where the protocol wants the first
 * receipt: `new-receipt` signs a second one with the node's own signer key (the node "receipts a replay twice"),
 * `refuse` answers `MESSAGE_DUPLICATE`.
 */
export type ReplayFault = 'new-receipt' | 'refuse';

export interface ReplayBreakingProxy {
  url: string;
  fault: ReplayFault;
  close(): Promise<void>;
}

/**
 * A node that breaks one MUST of docs/protocol section 6, built from a real one: every request goes through to
 * the node behind, except the replay of a delivered message, answered as `fault` says. Used to show that
 * `fedctl conformance` names the broken rule precisely.
 */
export async function replayBreakingProxy(
  port: number,
  upstream: string,
  signer: { kid: string; privateJwk: JWK; certificate: string },
): Promise<ReplayBreakingProxy> {
  const receipts = new Map<string, string>();
  const answer = (response: ServerResponse, body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const message = deliveredMessage(request, body);
      const first = message === undefined ? undefined : receipts.get(message);
      if (first !== undefined && proxy.fault === 'refuse') {
        answer(response, { data: null, errors: [{ message: 'already delivered', extensions: { code: 'MESSAGE_DUPLICATE' } }] });
        return;
      }
      if (first !== undefined) {
        const again = { ...unverifiedPayload(first), jti: randomUUID(), iat: Math.floor(Date.now() / 1000) };
        const receipt = await signCompact(
          again,
          { typ: RECEIPT_TYP, kid: signer.kid, trust_chain: [signer.certificate] },
          signer.privateJwk,
        );
        answer(response, { data: { deliver: receipt } });
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'),
      );
      const forwarded = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      const text = await forwarded.text();
      const receipt = message === undefined ? undefined : (JSON.parse(text) as { data?: { deliver?: string } | null }).data?.deliver;
      if (message !== undefined && receipt) receipts.set(message, receipt);
      const passed = ['content-type', 'etag', 'cache-control'].flatMap((name) => {
        const value = forwarded.headers.get(name);
        return value === null ? [] : [[name, value] as [string, string]];
      });
      response.writeHead(forwarded.status, Object.fromEntries(passed));
      response.end(text);
    })().catch((err: unknown) => {
      response.writeHead(502).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const proxy: ReplayBreakingProxy = {
    url: `http://127.0.0.1:${port}`,
    fault: 'new-receipt',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** The `message` variable of a `deliver` mutation, if this request is one. */
function deliveredMessage(request: IncomingMessage, body: string): string | undefined {
  if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) return undefined;
  try {
    const { query, variables } = JSON.parse(body) as { query?: string; variables?: { message?: unknown } };
    return typeof query === 'string' && /\bdeliver\s*\(/.test(query) && typeof variables?.message === 'string'
      ? variables.message
      : undefined;
  } catch {
    return undefined;
  }
}
