import { createPublicKey, verify } from 'node:crypto';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generateRootKey, generateSignerKey, issueSignerCertificate, signCompact } from '../dist/libs/jws/src/index.js';
import { verifyDocumentChain } from '../dist/libs/documents/src/document-verifier.js';
import { statusBit } from '../dist/libs/documents/src/status-list.js';
import { gql, load, median, mutualTrust, startNode, tempDir, token } from './support.js';
import { quick, RUNS, DURATION, record } from './results.js';

export async function documentVerification() {
  const root = await generateRootKey();
  const signer = await generateSignerKey('EdDSA');
  const now = Math.floor(Date.now() / 1000);
  const certificate = await issueSignerCertificate({
    issuer: 'KZ',
    rootPrivateJwk: root.privateJwk,
    rootKid: root.kid,
    subjectPublicJwk: signer.publicJwk,
    use: ['doc'],
    notBefore: now - 60,
    lifetimeSeconds: 86400,
  });
  const count = quick ? 3000 : 8000;
  const documents = [];
  for (let i = 0; i < count; i += 1) {
    documents.push(
      await signCompact(
        {
          iss: 'KZ',
          sub: 'KZ:IIN:900101300123',
          jti: `d${i}`,
          iat: now - 10,
          nbf: now - 10,
          exp: now + 3600,
          doc_type: 'identity-attestation',
          lang: 'kk',
          claims: { n: i },
          status: { status_list: { idx: i, uri: 'http://kz/status-lists/1' } },
        },
        { typ: 'ots-doc+jwt', kid: signer.kid, trust_chain: [certificate] },
        signer.privateJwk,
      ),
    );
  }
  const trust = {
    country: 'KZ',
    status: 'active',
    rootKeys: new Map([[root.kid, root.publicJwk]]),
    revokedKeys: new Map(),
    statusListEndpoint: 'http://kz/status-lists',
  };
  const view = { issuer: (c) => (c === 'KZ' ? trust : undefined) };
  const cachedList = new Uint8Array(count / 8 + 1);
  const publicKey = createPublicKey({ key: signer.publicJwk, format: 'jwk' });
  const raw = documents.map((d) => {
    const cut = d.lastIndexOf('.');
    return [Buffer.from(d.slice(0, cut)), Buffer.from(d.slice(cut + 1), 'base64url')];
  });

  // The machine's ceiling: the same raw verify on one worker thread per core, each given its half up front.
  const ceilingWorkers = cpus().map(
    () =>
      new Worker(
        `const { parentPort, workerData } = require('node:worker_threads'); const { createPublicKey, verify } = require('node:crypto');
        const key = createPublicKey({ key: workerData.jwk, format: 'jwk' });
        parentPort.on('message', (docs) => { for (const d of docs) { const cut = d.lastIndexOf('.'); if (!verify(null, Buffer.from(d.slice(0, cut)), key, Buffer.from(d.slice(cut + 1), 'base64url'))) throw new Error('raw verify failed'); } parentPort.postMessage('done'); });`,
        { eval: true, workerData: { jwk: signer.publicJwk } },
      ),
  );
  const library = [];
  const baseline = [];
  const ceiling = [];
  for (let run = 0; run <= RUNS; run += 1) {
    let started = performance.now();
    for (const [input, signature] of raw) if (!verify(null, input, publicKey, signature)) throw new Error('raw verify failed');
    baseline.push(count / ((performance.now() - started) / 1000));
    const share = Math.ceil(count / ceilingWorkers.length);
    started = performance.now();
    await Promise.all(
      ceilingWorkers.map(
        (w, i) => new Promise((resolve) => (w.once('message', resolve), w.postMessage(documents.slice(i * share, (i + 1) * share)))),
      ),
    );
    ceiling.push(count / ((performance.now() - started) / 1000));
    started = performance.now();
    // 512 verifications in flight, a new one started as each finishes: the throughput of a busy verifier.
    let next = 0;
    const verifier = async () => {
      while (next < count) {
        const { payload } = await verifyDocumentChain(documents[next++], view, Math.floor(Date.now() / 1000));
        if (statusBit(cachedList, payload.status.status_list.idx) !== 0) throw new Error('revoked');
      }
    };
    await Promise.all(Array.from({ length: 512 }, verifier));
    library.push(count / ((performance.now() - started) / 1000));
  }
  // Run 0 is the warm-up (JIT, worker threads starting); the median is taken over the others.
  for (const runs of [baseline, ceiling, library]) runs.shift();
  await Promise.all(ceilingWorkers.map((w) => w.terminate()));
  const rawRate = median(baseline);
  record(
    `raw crypto.verify on ${ceilingWorkers.length} worker threads, the same documents (docs/s)`,
    median(ceiling),
    'docs/s',
    rawRate,
    'raw crypto.verify/s, one core',
    median(ceiling) / rawRate,
    'the machine ceiling, no goal',
    true,
  );
  record(
    'verifyDocumentChain + cached status, library level (docs/s)',
    median(library),
    'docs/s',
    rawRate,
    'raw crypto.verify/s, one core',
    median(library) / rawRate,
    '>= 1.5',
    median(library) / rawRate >= 1.5,
  );
  return rawRate;
}

export async function graphqlVerification(rawRate) {
  const dataRoot = tempDir('verify');
  const [kz, tr] = [await startNode('KZ', dataRoot, 4901), await startNode('TR', dataRoot, 4902)];
  try {
    await mutualTrust(dataRoot, [kz, tr]);
    const officer = token(dataRoot, 'KZ', 'KZ:OFFICER:1', 'officer');
    const batch = [];
    for (let i = 0; i < 100; i += 1) {
      const { issueDocument } = await gql(
        kz.url,
        'mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { jws } }',
        { i: { docType: 'INCOME_STATEMENT', subject: 'KZ:IIN:900101300123', claims: { n: i }, validDays: 30, lang: 'RU' } },
        officer,
      );
      batch.push(issueDocument.jws);
    }
    const body = JSON.stringify({ query: 'query($j: [String!]!) { verifyDocuments(jws: $j) { valid reason } }', variables: { j: batch } });
    const check = await gql(tr.url, 'query($j: [String!]!) { verifyDocuments(jws: $j) { valid } }', { j: batch });
    if (!check.verifyDocuments.every((v) => v.valid)) throw new Error('a benchmark document did not verify');
    const runs = [];
    for (let run = 0; run < RUNS; run += 1)
      runs.push(
        await load({
          url: `${tr.url}/graphql`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          connections: 8,
          duration: DURATION,
        }),
      );
    const docs = median(runs.map((r) => r.rps)) * 100;
    record(
      'verifyDocuments over GraphQL, 100 per request (docs/s)',
      docs,
      'docs/s',
      rawRate,
      'raw crypto.verify/s, one core',
      docs / rawRate,
      '>= 0.8',
      docs / rawRate >= 0.8,
    );
  } finally {
    await Promise.all([kz.stop(), tr.stop()]);
  }
}
