// A proxy in front of one node that passes everything through but its transparency checkpoint, which it replaces by
// one of the same size over another root, signed with the node's own log key read from its key file: a node showing
// one partner another log than the rest see. Its own process, so that tests blocking on spawnSync do not stall it:
// node split-view-proxy-server.mjs <port> <upstream port> <keys.json> <origin>
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';

const [port, upstream, keysFile, origin] = process.argv.slice(2);

function forged(note) {
  const size = Number(note.split('\n')[1]);
  const root = createHash('sha256').update(`another history of size ${size}`).digest();
  const logKey = JSON.parse(readFileSync(keysFile, 'utf8'))
    .keys.filter((k) => k.role === 'log' && !k.retiredAt)
    .at(-1);
  const privateKey = createPrivateKey({ key: logKey.privateJwk, format: 'jwk' });
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x, 'base64url');
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${origin}\n`), Buffer.of(1), raw]))
    .digest()
    .subarray(0, 4);
  const body = `${origin}\n${size}\n${root.toString('base64')}\n`;
  return `${body}\n\u2014 ${origin} ${Buffer.concat([keyId, sign(null, Buffer.from(body), privateKey)]).toString('base64')}\n`;
}

createServer((incoming, outgoing) => {
  const forward = request(
    { host: '127.0.0.1', port: Number(upstream), path: incoming.url, method: incoming.method, headers: incoming.headers },
    (response) => {
      if (incoming.url !== '/transparency/checkpoint' || response.statusCode !== 200) {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
        return;
      }
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        outgoing.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        outgoing.end(forged(Buffer.concat(chunks).toString('utf8')));
      });
    },
  );
  forward.on('error', () => {
    outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forward);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
