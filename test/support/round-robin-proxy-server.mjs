// A tiny HTTP load balancer on loopback, run as its own process so that tests that block on
// child processes (spawnSync) do not stall it: node round-robin-proxy-server.mjs <port> <upstream>...
import { createServer, request } from 'node:http';

const [port, ...upstreams] = process.argv.slice(2).map(Number);
let next = 0;
createServer((incoming, outgoing) => {
  const target = upstreams[next++ % upstreams.length];
  const forward = request(
    { host: '127.0.0.1', port: target, path: incoming.url, method: incoming.method, headers: incoming.headers },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    },
  );
  forward.on('error', () => {
    outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forward);
}).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
