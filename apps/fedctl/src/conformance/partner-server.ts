import { createServer, type Server } from 'node:http';

/** What the kit serves at one path: its entity configuration and status list, which the node under test fetches. */
export interface ServedDocument {
  contentType: string;
  body: string;
}

export interface PartnerServer {
  /** Where the node under test reaches the kit: `--public-url`, else the address it listens on. */
  baseUrl: string;
  serve(path: string, document: ServedDocument): void;
  close(): Promise<void>;
}

/**
 * The kit's side of the protocol over HTTP: a node pins a partner by fetching its entity configuration, and
 * checks a document by fetching the issuer's status list, so the kit must answer both while the checks run. A
 * message the node sends back (none of the kit's messages asks for one) is refused as MESSAGE_UNHANDLED, which a
 * sender parks at once instead of retrying.
 */
export async function startPartnerServer(host: string, port: number, publicUrl: string | undefined): Promise<PartnerServer> {
  const documents = new Map<string, ServedDocument>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://kit').pathname;
    const document = request.method === 'GET' ? documents.get(path) : undefined;
    if (document) {
      response.writeHead(200, { 'content-type': document.contentType, 'cache-control': 'no-cache' });
      response.end(document.body);
      return;
    }
    if (request.method === 'POST' && path === '/graphql') {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          data: null,
          errors: [{ message: 'the conformance kit takes no messages', extensions: { code: 'MESSAGE_UNHANDLED' } }],
        }),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    baseUrl: (publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`).replace(/\/+$/, ''),
    serve: (path, document) => documents.set(path, document),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
