import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * How this node reaches its partners, one configuration for every partner call (deliveries, entity
 * configurations, snapshots, status lists): kept-alive connections, and over https the partner's certificate
 * verified against Node's CA store, plus PARTNER_CA_FILE's certificates when the operator gives one.
 */
let agents = makeAgents(undefined);

function makeAgents(extraCaPem: string | undefined) {
  return {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true, ...(extraCaPem ? { ca: [...rootCertificates, extraCaPem] } : {}) }),
  };
}

/** Set once at start-up: partners' https certificates may also chain to these (PEM); undefined: the CA store only. */
export function trustPartnerCertificates(extraCaPem: string | undefined): void {
  for (const agent of Object.values(agents)) agent.destroy();
  agents = makeAgents(extraCaPem);
}

export interface PartnerRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** An answer larger than this fails the request. */
  maxBytes?: number;
}

export interface PartnerExchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request to a partner. node:http rather than fetch: it takes the partners' CA (fetch on Node 20 cannot
 * without undici), and on the message path fetch's WHATWG streams cost more CPU than the request itself
 * (docs/benchmarks.md). Redirects are refused, as a partner's endpoints are the ones its entity configuration
 * names. A timeout rejects with the signal's reason (a TimeoutError), as fetch does.
 */
export function partnerExchange(endpoint: string, options: PartnerRequest = {}): Promise<PartnerExchange> {
  const url = new URL(endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = {
    ...options.headers,
    ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
  };
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(options.signal?.aborted ? (options.signal.reason as Error) : err);
    const request = send(
      url,
      { method: options.method ?? 'GET', agent: agents[url.protocol as keyof typeof agents], headers, signal: options.signal },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          fail(new Error(`${url.origin} redirected (${status}); partners are not followed elsewhere`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (options.maxBytes !== undefined && size > options.maxBytes)
            request.destroy(new Error(`answer larger than ${options.maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

/** `partnerExchange` answered as a WHATWG Response, for callers written against fetch. */
export async function partnerFetch(endpoint: string, options: PartnerRequest = {}): Promise<Response> {
  const { status, headers, body } = await partnerExchange(endpoint, options);
  const answerHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, one);
  }
  return new Response(status === 204 || status === 304 ? null : body, { status, headers: answerHeaders });
}
