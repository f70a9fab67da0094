import { createServer, type IncomingMessage } from 'node:http';

/**
 * A node that breaks one MUST of docs/protocol section 6, built from a real one: every request goes through to
 * the node behind, except a `deliver` of a message it has passed on before, which it refuses
 * (`MESSAGE_DUPLICATE`) instead of answering with the first receipt. Used to show that `fedctl conformance` names
 * the broken rule precisely.
 */
export async function replayBreakingProxy(port: number, upstream: string): Promise<{ url: string; close(): Promise<void> }> {
  const delivered = new Set<string>();
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const message = deliveredMessage(request, body);
      if (message !== undefined && delivered.has(message)) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: null, errors: [{ message: 'already delivered', extensions: { code: 'MESSAGE_DUPLICATE' } }] }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'),
      );
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      const text = await answer.text();
      if (message !== undefined && answer.ok && !text.includes('"errors"')) delivered.add(message);
      const passed = ['content-type', 'etag', 'cache-control'].flatMap((name) => {
        const value = answer.headers.get(name);
        return value === null ? [] : [[name, value] as [string, string]];
      });
      response.writeHead(answer.status, Object.fromEntries(passed));
      response.end(text);
    })().catch((err: unknown) => {
      response.writeHead(502).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
