// The framework-free floor of node-to-node messaging on this machine: two plain Node processes doing the same
// protocol work as two nodes (sign, encrypt, POST, decrypt, verify, de-duplicating insert, receipt, receipt check,
// delivered update; each write committed with a full fsync) with the product's own envelope functions, but no
// NestJS, GraphQL or TypeORM. `messages()` in run.js divides the nodes' rate by this one, measured in the same run.
//
// node bench/bare-messaging.js <count> <rounds>   prints the median messages/s of <rounds> rounds in the same two
// processes, each round <count> requests from peer A and every answer back, after one warm-up round.
import { spawn } from 'node:child_process';
import { createServer, request, Agent } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateEncryptionKey, generateRootKey, generateSignerKey, issueSignerCertificate } from '../dist/libs/jws/src/index.js';
import {
  decryptMessage,
  encryptEnvelope,
  sha256,
  signEnvelope,
  signReceipt,
  verifyEnvelope,
  verifyReceipt,
} from '../dist/libs/messaging/src/envelope.js';

const IN_FLIGHT = 64;

async function identity(country) {
  const [root, signer, enc] = [await generateRootKey(), await generateSignerKey('EdDSA'), await generateEncryptionKey()];
  const now = Math.floor(Date.now() / 1000);
  const certificate = await issueSignerCertificate({
    issuer: country,
    rootPrivateJwk: root.privateJwk,
    rootKid: root.kid,
    subjectPublicJwk: signer.publicJwk,
    use: ['msg'],
    notBefore: now - 60,
    lifetimeSeconds: 86400,
  });
  return {
    country,
    root: { kid: root.kid, publicJwk: root.publicJwk },
    signer: { kid: signer.kid, privateJwk: signer.privateJwk, certificate },
    enc,
  };
}

async function parent(count, rounds) {
  const [a, b] = [await identity('AA'), await identity('BB')];
  const dir = mkdtempSync(join(tmpdir(), 'ots-bench-bare-'));
  const peer = (self, partner, port, partnerPort) =>
    spawn(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        'peer',
        JSON.stringify({
          self,
          partner: { country: partner.country, root: partner.root, enc: partner.enc.publicJwk },
          port,
          partnerPort,
          db: join(dir, `${self.country}.sqlite`),
          count,
        }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
  const peers = [peer(a, b, 4941, 4942), peer(b, a, 4942, 4941)];
  const line = (child) => new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
  await Promise.all(peers.map(line));
  const rates = [];
  // Round 0 warms up (JIT, lazy loading), as the node benchmarks do; it is not counted.
  for (let round = 0; round <= rounds; round += 1) {
    const done = line(peers[0]);
    peers[0].stdin.write('go\n');
    const rate = Number(await done);
    if (round > 0) rates.push(rate);
  }
  for (const child of peers) child.kill('SIGTERM');
  process.stdout.write(`${rates.sort((x, y) => x - y)[Math.floor(rates.length / 2)]}\n`);
}

async function runPeer(options) {
  const { self, partner, port, partnerPort, count } = options;
  const db = new Database(options.db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE outbox (id TEXT PRIMARY KEY, jti TEXT UNIQUE, body TEXT, envelope TEXT, status TEXT, receipt TEXT); CREATE TABLE inbox (iss TEXT, jti TEXT, receipt TEXT, PRIMARY KEY (iss, jti))',
  );
  const enqueue = db.prepare("INSERT INTO outbox (id, jti, body, status) VALUES (?, ?, ?, 'pending')");
  const delivered = db.prepare("UPDATE outbox SET status = 'delivered', receipt = ?, envelope = ? WHERE id = ?");
  const received = db.prepare('INSERT INTO inbox (iss, jti, receipt) VALUES (?, ?, ?)');
  const stored = db.prepare('SELECT receipt FROM inbox WHERE iss = ? AND jti = ?');
  const partnerTrust = {
    country: partner.country,
    status: 'active',
    rootKeys: new Map([[partner.root.kid, partner.root.publicJwk]]),
    revokedKeys: new Map(),
  };
  const agent = new Agent({ keepAlive: true });
  const queue = [];
  let inFlight = 0;
  let answers = 0;
  let started = 0;

  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: partnerPort,
          path: '/deliver',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const send = async ({ id, jti, body }) => {
    const envelope = await signEnvelope({
      iss: self.country,
      aud: partner.country,
      jti,
      msgType: 'tax.tin-verification',
      body,
      signer: self.signer,
    });
    const { receipt } = await post(JSON.stringify({ message: encryptEnvelope(envelope, partner.enc) }));
    await verifyReceipt(receipt, partnerTrust, self.country, jti, [sha256(envelope)]);
    delivered.run(receipt, envelope, id);
  };
  const pump = () => {
    while (inFlight < IN_FLIGHT && queue.length > 0) {
      inFlight += 1;
      void send(queue.shift()).then(() => {
        inFlight -= 1;
        pump();
      });
    }
  };
  const enqueueMessage = (body) => {
    const message = { id: randomUUID(), jti: randomUUID(), body };
    enqueue.run(message.id, message.jti, JSON.stringify(body));
    return message;
  };

  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const envelope = decryptMessage(JSON.parse(Buffer.concat(chunks).toString()).message, [self.enc.privateJwk]);
      const payload = await verifyEnvelope(envelope, partnerTrust, self.country);
      let receipt = await signReceipt({ iss: self.country, envelope: payload, envelopeSha256: sha256(envelope), signer: self.signer });
      let answer;
      try {
        db.transaction(() => {
          received.run(payload.iss, payload.jti, receipt);
          if (payload.body.kind === 'request')
            answer = enqueueMessage({ kind: 'answer', requestId: payload.body.requestId, valid: true, resident: true });
        })();
      } catch {
        receipt = stored.get(payload.iss, payload.jti).receipt;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ receipt }));
      if (answer) {
        queue.push(answer);
        pump();
      }
      if (payload.body.kind === 'answer' && ++answers === count)
        process.stdout.write(`${(2 * count) / ((performance.now() - started) / 1000)}\n`);
    });
  }).listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));

  process.stdin.on('data', () => {
    started = performance.now();
    answers = 0;
    const messages = db.transaction(() =>
      Array.from({ length: count }, () => enqueueMessage({ kind: 'request', requestId: randomUUID(), tin: '1234567890' })),
    )();
    queue.push(...messages);
    pump();
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[2] === 'peer') await runPeer(JSON.parse(process.argv[3]));
else await parent(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 3));
