// Growth: what years of data do to a node. Each figure against a baseline measured in the same run.
import { generateKeyPairSync, randomInt, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { buildStatusBits, decodeStatusList, encodeStatusList, statusBit } from '../dist/libs/documents/src/index.js';
import { partnerExchange } from '../dist/libs/jws/src/index.js';
import { openNodeDatabase, seedAudit, seedDocuments, seedMessages } from './seed.js';
import { fedctl, gql, median, startNode, tempDir, token } from './support.js';
import { quick, RUNS, record } from './results.js';
import { applications, messages } from './flows.js';

/** Rows of each kind stored before the growth runs: BENCH_GROWTH_ROWS, else 1,000,000 (100,000 with --quick). */
export const GROWTH_ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? (quick ? 100_000 : 1_000_000));
const rowsLabel = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** Both nodes' databases as years of traffic leave them: GROWTH_ROWS issued documents, delivered and received messages. */
async function seedBoth(dataRoot, trEnv) {
  const started = performance.now();
  for (const [country, partner, env] of [
    ['KZ', 'TR', {}],
    ['TR', 'KZ', trEnv],
  ]) {
    const dataSource = await openNodeDatabase(dataRoot, country, env);
    try {
      await seedDocuments(dataSource, country, GROWTH_ROWS);
      await seedMessages(dataSource, partner, GROWTH_ROWS);
      // Years of traffic leave PostgreSQL's tables vacuumed and analysed as they grew; rows inserted minutes ago
      // would have autovacuum go through all of them during the measured rounds instead.
      if (dataSource.options.type === 'postgres') await dataSource.query('VACUUM (ANALYZE)');
    } finally {
      await dataSource.destroy();
    }
  }
  process.stdout.write(
    `  seeded ${rowsLabel(GROWTH_ROWS)} documents and messages each way in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

/**
 * Message and submission throughput with GROWTH_ROWS stored, against empty databases in the same run. Each of the
 * four runs gets TR's database from `withTrDatabase(run)`, fresh each time (on PostgreSQL a new database on the
 * server), so "empty" is empty and the stored rows are exactly the seeded ones.
 */
export async function storedGrowth(label, withTrDatabase, bareRate) {
  const stored = `${rowsLabel(GROWTH_ROWS)} documents + ${rowsLabel(GROWTH_ROWS)} messages stored`;
  const seeded = { seed: seedBoth, stored: GROWTH_ROWS };
  const emptyMessages = await withTrDatabase((trEnv) => messages(`${label}, empty`, trEnv, bareRate));
  const fullMessages = await withTrDatabase((trEnv) => messages(`${label}, ${stored}`, trEnv, bareRate, seeded));
  record(
    `messages/s with ${stored}, against empty databases, TR on ${label}`,
    fullMessages,
    'msg/s',
    emptyMessages,
    'msg/s empty',
    fullMessages / emptyMessages,
    '>= 0.8x empty',
    fullMessages / emptyMessages >= 0.8,
  );
  const emptyApps = await withTrDatabase((trEnv) => applications(`${label}, empty`, trEnv));
  const fullApps = await withTrDatabase((trEnv) => applications(`${label}, ${stored}`, trEnv, seeded));
  record(
    `submissions/s with ${stored}, against empty databases, TR on ${label}`,
    fullApps,
    'apps/s',
    emptyApps,
    'apps/s empty',
    fullApps / emptyApps,
    '>= 0.8x empty',
    fullApps / emptyApps >= 0.8,
  );
}

/** `fedctl audit verify` at a tenth of the size and at full size: time per entry should not grow (linear). */
export async function auditAtScale() {
  const sizes = [GROWTH_ROWS / 10, GROWTH_ROWS];
  const dataRoot = tempDir('audit');
  const port = 4943;
  // The node's own work (the auditVerification query fedctl sends), and fedctl's whole run, start-up included.
  const seconds = [];
  const fedctlSeconds = [];
  let stored = 0;
  for (const size of sizes) {
    const dataSource = await openNodeDatabase(dataRoot, 'KZ');
    const seeding = performance.now();
    await seedAudit(dataSource, size - stored);
    await dataSource.destroy();
    process.stdout.write(`  audit log: ${size - stored} entries appended in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);
    stored = size;
    const node = await startNode('KZ', dataRoot, port);
    try {
      const admin = token(dataRoot, 'KZ', 'KZ:ADMIN:bench', 'admin');
      const query = [];
      const cli = [];
      for (let run = 0; run < RUNS; run += 1) {
        let started = performance.now();
        const { auditVerification } = await gql(node.url, '{ auditVerification { entries intact } }', {}, admin);
        query.push((performance.now() - started) / 1000);
        process.stdout.write(`  ${size} entries verified by the node in ${query.at(-1).toFixed(2)} s\n`);
        if (auditVerification.entries !== size || !auditVerification.intact)
          throw new Error(`audit log: ${JSON.stringify(auditVerification)}`);
        started = performance.now();
        // Exits 1 (and throws here) if the chain does not hold.
        fedctl(['--data-dir', dataRoot, 'audit', 'verify', '--node', node.url]);
        cli.push((performance.now() - started) / 1000);
      }
      seconds.push(median(query));
      fedctlSeconds.push(median(cli));
    } finally {
      await node.stop();
    }
  }
  const [small, large] = seconds;
  const perEntry = large / sizes[1] / (small / sizes[0]);
  record(
    `audit chain verified by the node at ${rowsLabel(sizes[1])} entries (s; time per entry against ${rowsLabel(sizes[0])})`,
    large,
    's',
    small,
    `s at ${rowsLabel(sizes[0])}`,
    perEntry,
    'time per entry <= 1.3x (linear)',
    perEntry <= 1.3,
  );
  const whole = fedctlSeconds[1];
  record(`fedctl audit verify at ${rowsLabel(sizes[1])} entries, start-up included (s)`, whole, 's', null, '', null, '< 30 s', whole < 30);
}

/**
 * A status list of 1,048,576 entries (1 % revoked) at the verifier: fetched over HTTP through the partner
 * transport, its Ed25519 signature checked, inflated and looked up 1,000 times, against the node's own list size
 * (131,072 entries, STATUS_LIST_CAPACITY) in the same run. A node splits its documents into lists of that size;
 * the large list is what a verifier meets from an issuer that does not.
 */
export async function statusListAtScale() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const lists = new Map();
  for (const size of [1 << 17, 1 << 20]) {
    const revoked = new Set(Array.from({ length: size / 100 }, () => randomInt(size)));
    const header = b64({ alg: 'EdDSA', typ: 'statuslist+jwt', kid: 'bench' });
    const payload = b64({
      iss: 'KZ',
      sub: `/status-lists/${size}`,
      iat: 0,
      exp: 0,
      ttl: 300,
      status_list: { bits: 1, lst: encodeStatusList(buildStatusBits(size, revoked)) },
    });
    const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    lists.set(size, { jws: `${header}.${payload}.${signature}`, revoked });
  }
  const server = createServer((request, response) => {
    const size = Number(request.url?.split('/').at(-1));
    response.writeHead(200, { 'content-type': 'application/statuslist+jwt' }).end(lists.get(size)?.jws ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/status-lists`;
  const readAtVerifier = async (size) => {
    const started = performance.now();
    const { body } = await partnerExchange(`${base}/${size}`, { signal: AbortSignal.timeout(5000) });
    const [header, payload, signature] = body.toString('utf8').split('.');
    if (!verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')))
      throw new Error('bad signature');
    const bits = decodeStatusList(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).status_list.lst);
    let revoked = 0;
    for (let i = 0; i < 1000; i += 1) revoked += statusBit(bits, randomInt(size));
    return { ms: performance.now() - started, bytes: body.length, revoked };
  };
  try {
    const timing = {};
    for (const size of lists.keys()) {
      await readAtVerifier(size);
      const runs = [];
      for (let run = 0; run < 5 * RUNS; run += 1) runs.push((await readAtVerifier(size)).ms);
      timing[size] = median(runs);
    }
    const [small, large] = [1 << 17, 1 << 20];
    const bytes = lists.get(large).jws.length;
    record(
      'status list of 1,048,576 entries (1 % revoked): fetch + verify + 1,000 lookups at the verifier (ms)',
      timing[large],
      'ms',
      timing[small],
      'ms for 131,072 entries',
      timing[large] / timing[small],
      '< 50 ms; <= 8x the 131,072-entry list (linear or better)',
      timing[large] < 50 && timing[large] / timing[small] <= 8,
    );
    record(
      'status list of 1,048,576 entries (1 % revoked): size on the wire (KiB)',
      bytes / 1024,
      'KiB',
      lists.get(small).jws.length / 1024,
      'KiB for 131,072 entries',
      bytes / lists.get(small).jws.length,
      '< 256 KiB',
      bytes < 256 * 1024,
    );
  } finally {
    server.close();
  }
}
