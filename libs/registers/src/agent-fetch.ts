import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A call that got no answer in time; the HTTP adapter reports it as REGISTER_UNAVAILABLE, reason TIMEOUT. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
}

export interface TlsFiles {
  cert?: string;
  key?: string;
  ca?: string;
}

/**
 * A `fetch` for openapi-fetch on node:http(s), because Node 20's global fetch takes no client certificate without
 * the undici package: one keep-alive agent (holding the mutual-TLS certificate and CA when given) and a deadline
 * per call that destroys the socket, so a register that never answers costs at most `timeoutMs`.
 */
export function agentFetch(tls: TlsFiles, timeoutMs: number): (input: Request) => Promise<Response> {
  const https = new HttpsAgent({ keepAlive: true, cert: tls.cert, key: tls.key, ca: tls.ca });
  return async (input: Request) => {
    const url = new URL(input.url);
    const body = input.body ? Buffer.from(await input.arrayBuffer()) : undefined;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(input.headers.entries());
    return new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        {
          method: input.method,
          headers,
          ...(url.protocol === 'https:' ? { agent: https } : { agent: undefined as HttpAgent | undefined }),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            clearTimeout(timer);
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            const status = res.statusCode ?? 500;
            resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
          });
          res.on('error', fail);
        },
      );
      const timer = setTimeout(() => req.destroy(new CallTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      function fail(err: Error): void {
        clearTimeout(timer);
        reject(err);
      }
      req.on('error', fail);
      req.end(body);
    });
  };
}
