// A fault-injecting HTTP proxy on loopback, placed between a node and its partner so that tests see what a
// misbehaving partner does to the sender: node fault-proxy-server.mjs <port> <upstream port>
// Only `deliver` calls are faulted; everything else (entity configuration, snapshots, status lists) passes.
// PUT /__fault/<mode> sets the fault, GET /__fault says how many deliver calls it saw. Modes:
//   pass        forward as is (and remember the partner's receipt, for `other-receipt`)
//   delay       forward at once, hold the partner's answer for 30 s
//   hang        forward, send the answer's headers and the start of its body, then nothing
//   reset       reset the connection (TCP RST) without an answer
//   html        answer 200 text/html, as a captive portal or a misrouted load balancer does
//   500         answer 500 text/plain
//   bad-json    answer 200 application/json that is not JSON
//   wrong-key   forward, and re-sign the partner's receipt with a key the partner does not hold
//   other-receipt  forward, and answer with the receipt the partner gave for an earlier message
//   corrupt-status-list  deliver passes; `GET /status-lists/*` answers come back with bytes of the list changed
//   endless-status-list  deliver passes; `GET /status-lists/*` answers a list that never ends (base64url, streamed)
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, request } from 'node:http';

const [port, upstream] = process.argv.slice(2).map(Number);
const MODES = new Set([
  'pass',
  'delay',
  'hang',
  'reset',
  'html',
  '500',
  'bad-json',
  'wrong-key',
  'other-receipt',
  'corrupt-status-list',
  'endless-status-list',
]);
let mode = 'pass';
let deliverCalls = 0;
let earlierReceipt;
const strangerKey = generateKeyPairSync('ed25519').privateKey;

const b64url = (buffer) => Buffer.from(buffer).toString('base64url');

/** The receipt's header and payload as they are, signed by a key the partner never certified. */
function resign(receipt) {
  const [header, payload] = receipt.split('.');
  return `${header}.${payload}.${b64url(sign(null, Buffer.from(`${header}.${payload}`), strangerKey))}`;
}

/** The list's payload with a run of its characters changed, as a bad disk or a broken cache would leave it. */
function corrupt(answer) {
  const text = answer.toString('utf8');
  const middle = text.indexOf('.') + Math.floor((text.lastIndexOf('.') - text.indexOf('.')) / 2);
  return Buffer.from(`${text.slice(0, middle)}${'A'.repeat(8)}${text.slice(middle + 8)}`);
}

/** A JWS-looking answer that never ends: 64 KiB chunks as fast as the reader takes them, until it hangs up. */
let streamedBytes = 0;
function streamForever(outgoing) {
  const chunk = Buffer.alloc(64 * 1024, 'A');
  outgoing.writeHead(200, { 'content-type': 'application/statuslist+jwt' });
  outgoing.write('eyJhbGciOiJFZERTQSJ9.');
  const more = () => {
    let flowing = true;
    while (!outgoing.destroyed && flowing) {
      flowing = outgoing.write(chunk);
      streamedBytes += chunk.length;
    }
    if (!outgoing.destroyed) outgoing.once('drain', more);
  };
  outgoing.on('close', () => outgoing.removeAllListeners('drain'));
  more();
}

function forward(incoming, body, onAnswer) {
  const upstreamRequest = request(
    { host: '127.0.0.1', port: upstream, path: incoming.url, method: incoming.method, headers: incoming.headers },
    (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => onAnswer(response, Buffer.concat(chunks)));
    },
  );
  upstreamRequest.on('error', () => onAnswer(undefined, Buffer.alloc(0)));
  upstreamRequest.end(body);
}

function reply(outgoing, response, body) {
  if (outgoing.destroyed) return;
  if (!response) {
    outgoing.writeHead(502).end();
    return;
  }
  const headers = { ...response.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  outgoing.writeHead(response.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(body) });
  outgoing.end(body);
}

/** The partner's answer with its receipt replaced (same status and headers), or the answer as it is if it has none. */
function withReceipt(response, body, replace) {
  try {
    const answer = JSON.parse(body.toString('utf8'));
    const receipt = answer?.data?.deliver;
    if (typeof receipt !== 'string') return body;
    return Buffer.from(JSON.stringify({ ...answer, data: { deliver: replace(receipt) } }));
  } catch {
    return body;
  }
}

createServer((incoming, outgoing) => {
  const chunks = [];
  incoming.on('data', (c) => chunks.push(c));
  incoming.on('end', () => {
    const body = Buffer.concat(chunks);
    if (incoming.url?.startsWith('/__fault')) {
      const wanted = incoming.url.slice('/__fault/'.length);
      if (incoming.method === 'PUT' && MODES.has(wanted)) mode = wanted;
      else if (incoming.method === 'PUT') return outgoing.writeHead(400).end(`unknown mode ${wanted}`);
      return outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ mode, deliverCalls, streamedBytes }));
    }
    if (mode === 'corrupt-status-list' && incoming.method === 'GET' && incoming.url?.startsWith('/status-lists/'))
      return forward(incoming, body, (response, answer) => reply(outgoing, response, corrupt(answer)));
    if (mode === 'endless-status-list' && incoming.method === 'GET' && incoming.url?.startsWith('/status-lists/'))
      return streamForever(outgoing);
    const isDeliver = incoming.method === 'POST' && body.includes('deliver(message:');
    if (!isDeliver || mode.endsWith('-status-list'))
      return forward(incoming, body, (response, answer) => reply(outgoing, response, answer));
    deliverCalls++;
    switch (mode) {
      case 'reset':
        return incoming.socket.resetAndDestroy();
      case 'html':
        return outgoing
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><html><body><h1>Service unavailable</h1></body></html>');
      case '500':
        return outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      case 'bad-json':
        return outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"deliver":"eyJ');
      case 'delay':
        return forward(incoming, body, (response, answer) => setTimeout(() => reply(outgoing, response, answer), 30_000).unref());
      case 'hang':
        return forward(incoming, body, () => {
          outgoing.writeHead(200, { 'content-type': 'application/json' });
          outgoing.write('{"data":');
        });
      case 'wrong-key':
        return forward(incoming, body, (response, answer) => reply(outgoing, response, withReceipt(response, answer, resign)));
      case 'other-receipt':
        return forward(incoming, body, (response, answer) =>
          reply(
            outgoing,
            response,
            withReceipt(response, answer, (receipt) => earlierReceipt ?? receipt),
          ),
        );
      default:
        return forward(incoming, body, (response, answer) => {
          withReceipt(response, answer, (receipt) => (earlierReceipt = receipt));
          reply(outgoing, response, answer);
        });
    }
  });
}).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
