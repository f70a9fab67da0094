// npm run bench [-- --quick]: every hot path against a baseline measured in the same run, median of 3.
// Writes docs/benchmarks.md. Nothing here is a test: no figure fails `npm test`.
import { createPublicKey, verify } from 'node:crypto';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { generateRootKey, generateSignerKey, issueSignerCertificate, signCompact } from '../dist/libs/jws/src/index.js';
import { verifyDocumentChain } from '../dist/libs/documents/src/document-verifier.js';
import { statusBit } from '../dist/libs/documents/src/status-list.js';
import {
  cpuSeconds,
  postgresCpuSeconds,
  scratchDatabase,
  gql,
  latencies,
  load,
  median,
  mutualTrust,
  ROOT,
  rssMiB,
  sleep,
  startNode,
  tempDir,
  token,
  waitFor,
} from './support.js';

// The nodes this bench starts inherit it: the pool size `fedctl up` gives them (apps/fedctl/src/local-federation.ts).
process.env.UV_THREADPOOL_SIZE ??= String(cpus().length);
const quick = process.argv.includes('--quick');
const RUNS = 3;
const DURATION = quick ? 3 : 8;
const rows = [];
const record = (name, value, unit, baseline, baselineUnit, ratio, goal, met) => {
  rows.push({ name, value, unit, baseline, baselineUnit, ratio, goal, met });
  process.stdout.write(
    `${name}: ${value.toFixed(2)} ${unit} | baseline ${baseline === null ? '-' : `${baseline.toFixed(2)} ${baselineUnit}`} | ratio ${ratio === null ? '-' : ratio.toFixed(2)} | goal ${goal} | ${met ? 'met' : 'MISSED'}\n`,
  );
};

async function documentVerification() {
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

async function graphqlVerification(rawRate) {
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
        { i: { docType: 'income-statement', subject: 'KZ:IIN:900101300123', claims: { n: i }, validDays: 30, lang: 'ru' } },
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

async function registryQuery() {
  const dataRoot = tempDir('registry');
  const node = await startNode('TR', dataRoot, 4903);
  const query = JSON.stringify({
    query:
      '{ services(lang: "kk", first: 50) { totalCount edges { cursor node { code name description category lifeEvents audiences crossBorder fee { amount currency } processingDays onlineLevel language } } } }',
  });
  const precomputed = await (
    await fetch(`${node.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
  ).text();
  const bare = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; const body = process.argv[1]; const app = Fastify(); app.post('/graphql', (req, reply) => reply.header('content-type', 'application/json').send(body)); await app.listen({ port: 4904, host: '127.0.0.1' }); console.log('ready');`,
      precomputed,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The same resolver on @nestjs/apollo with Express (bench/apollo-express.js).
  const apollo = spawn(process.execPath, [join(ROOT, 'bench/apollo-express.js'), '--country', 'TR', '--port', '4905'], {
    env: { ...process.env, DATA_DIR: tempDir('apollo'), DEV_IDP: 'on', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await Promise.all([bare, apollo].map((child) => new Promise((r) => child.stdout.once('data', r))));
  const apolloAnswer = await (
    await fetch('http://127.0.0.1:4905/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
  ).json();
  if (JSON.stringify(apolloAnswer.data) !== JSON.stringify(JSON.parse(precomputed).data))
    throw new Error('Apollo/Express answers differently');
  // A bearer token skips the node's response cache: GraphQL runs for every request.
  const citizen = token(dataRoot, 'TR', 'TR:TCKN:10000000146', 'citizen');
  const post = (url, headers = {}) => ({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: query,
    duration: DURATION,
  });
  try {
    const [nodeRuns, executedRuns, bareRuns, apolloRuns] = [[], [], [], []];
    for (let run = 0; run < RUNS; run += 1) {
      nodeRuns.push(await load(post(`${node.url}/graphql`)));
      executedRuns.push(await load(post(`${node.url}/graphql`, { authorization: `Bearer ${citizen}` })));
      bareRuns.push(await load(post('http://127.0.0.1:4904/graphql')));
      apolloRuns.push(await load(post('http://127.0.0.1:4905/graphql')));
    }
    const [rps, executedRps, bareRps, apolloRps] = [nodeRuns, executedRuns, bareRuns, apolloRuns].map((runs) =>
      median(runs.map((r) => r.rps)),
    );
    record(
      'services(lang: "kk", first: 50), 32 connections (req/s)',
      rps,
      'req/s',
      bareRps,
      'req/s bare Fastify, same JSON',
      rps / bareRps,
      '>= 0.6 of bare Fastify',
      rps / bareRps >= 0.6,
    );
    record(
      'services(lang: "kk", first: 50) against Apollo on Express (req/s)',
      rps,
      'req/s',
      apolloRps,
      'req/s same resolver on @nestjs/apollo + Express',
      rps / apolloRps,
      '>= 2.5x Apollo/Express',
      rps / apolloRps >= 2.5,
    );
    record(
      'the same with GraphQL executed (bearer token skips the response cache) against Apollo on Express (req/s)',
      executedRps,
      'req/s',
      apolloRps,
      'req/s same resolver on @nestjs/apollo + Express',
      executedRps / apolloRps,
      '>= 2.5x Apollo/Express',
      executedRps / apolloRps >= 2.5,
    );
    const p99 = median(nodeRuns.map((r) => r.p99));
    record('services(lang: "kk", first: 50) p99 latency (ms)', p99, 'ms', null, '', null, '< 25 ms', p99 < 25);
  } finally {
    bare.kill('SIGTERM');
    apollo.kill('SIGTERM');
    await node.stop();
  }
}

async function applications(label, trEnv) {
  const dataRoot = tempDir('apps');
  const [kz, tr] = [await startNode('KZ', dataRoot, 4911), await startNode('TR', dataRoot, 4912, trEnv)];
  try {
    await mutualTrust(dataRoot, [kz, tr]);
    const citizen = token(dataRoot, 'KZ', 'KZ:IIN:900101300123', 'citizen');
    const trAdmin = token(dataRoot, 'TR', 'TR:ADMIN:1', 'admin');
    const count = quick ? 150 : 400;
    const warmUp = 64;
    const form = { purpose: 'Benchmark', intendedStayMonths: 6, permitKind: 'first' };
    let done = 0;
    // A sliding window of 32 citizens applying at once: capacity, not the tail of a batch, is measured.
    const applyAndWait = async (n) => {
      let submitted = 0;
      const citizenApplies = async () => {
        while (submitted < n) {
          submitted += 1;
          await gql(
            kz.url,
            'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
            { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form, consent: ['criminal-record-certificate', 'income-statement'] } },
            citizen,
          );
        }
      };
      await Promise.all(Array.from({ length: 32 }, citizenApplies));
      done += n;
      await waitFor(
        async () => (await gql(tr.url, '{ messageCounts { delivered } }', {}, trAdmin)).messageCounts.delivered >= done,
        300_000,
        50,
      );
    };
    await applyAndWait(warmUp);
    const rates = [];
    for (let run = 0; run < RUNS; run += 1) {
      const cpuBefore = [cpuSeconds(kz.pid), cpuSeconds(tr.pid), postgresCpuSeconds()];
      const started = performance.now();
      await applyAndWait(count);
      rates.push(count / ((performance.now() - started) / 1000));
      process.stdout.write(
        `  ${rates.at(-1).toFixed(0)} apps/s; CPU per application: KZ ${((1e3 * (cpuSeconds(kz.pid) - cpuBefore[0])) / count).toFixed(2)} ms, TR ${((1e3 * (cpuSeconds(tr.pid) - cpuBefore[1])) / count).toFixed(2)} ms, PostgreSQL server ${((1e3 * (postgresCpuSeconds() - cpuBefore[2])) / count).toFixed(2)} ms\n`,
      );
    }
    // Every submission received once at TR and answered once to KZ; every application at KZ under review.
    const total = done;
    const kzAdmin = token(dataRoot, 'KZ', 'KZ:ADMIN:1', 'admin');
    const expected = JSON.stringify({ pending: 0, delivered: total, dead: 0, received: total });
    const atTr = JSON.stringify((await gql(tr.url, '{ messageCounts { pending delivered dead received } }', {}, trAdmin)).messageCounts);
    const atKz = JSON.stringify((await gql(kz.url, '{ messageCounts { pending delivered dead received } }', {}, kzAdmin)).messageCounts);
    const mine = (await gql(kz.url, '{ myApplications { status } }', {}, citizen)).myApplications;
    const exact = atTr === expected && atKz === expected && mine.length === total && mine.every((a) => a.status === 'under-review');
    if (!exact) process.stdout.write(`  counts differ: TR ${atTr}, KZ ${atKz}, ${mine.length} applications at KZ\n`);
    const rate = median(rates);
    record(
      `residence-permit submissions KZ -> TR, attestation + 2 evidence documents, TR on ${label} (applications/s)`,
      rate,
      'apps/s',
      null,
      '',
      null,
      `>= 150, ${exact ? 'none lost or doubled' : 'COUNTS DIFFER'}`,
      rate >= 150 && exact,
    );
  } finally {
    await Promise.all([kz.stop(), tr.stop()]);
  }
}

/**
 * Node-to-node messages alone: an officer at KZ checks a list of taxpayer numbers at TR, one request message each
 * way and one answer back, each signed, encrypted, sent by the outbox worker, decrypted, verified, de-duplicated and
 * receipted. Baseline: the same protocol work by two plain Node processes (bench/bare-messaging.js).
 */
async function messages(label, trEnv, bareRate) {
  const dataRoot = tempDir('messages');
  const [kz, tr] = [await startNode('KZ', dataRoot, 4913), await startNode('TR', dataRoot, 4914, trEnv)];
  try {
    await mutualTrust(dataRoot, [kz, tr]);
    const officer = token(dataRoot, 'KZ', 'KZ:OFFICER:1', 'officer');
    const admins = { KZ: token(dataRoot, 'KZ', 'KZ:ADMIN:1', 'admin'), TR: token(dataRoot, 'TR', 'TR:ADMIN:1', 'admin') };
    const count = quick ? 1000 : 3000;
    const tins = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? '1234567890' : '0000000000'));
    const counts = async (node) =>
      (await gql(node.url, '{ messageCounts { pending delivered dead received } }', {}, admins[node.country])).messageCounts;
    const rates = [];
    let exact = true;
    // Round -1 warms up (JIT, lazy loading, worker threads starting) and is not counted; the baseline does the same.
    const warmUp = 1000;
    for (let run = -1; run < RUNS; run += 1) {
      const cpuBefore = [cpuSeconds(kz.pid), cpuSeconds(tr.pid), postgresCpuSeconds()];
      const started = performance.now();
      const requestIds = [];
      const roundCount = run < 0 ? warmUp : count;
      for (let i = 0; i < roundCount; i += 1000) {
        const { verifyTaxpayers } = await gql(
          kz.url,
          'mutation($t: [String!]!) { verifyTaxpayers(country: "TR", tins: $t) { requestId } }',
          { t: tins.slice(i, i + 1000) },
          officer,
        );
        requestIds.push(...verifyTaxpayers.map((c) => c.requestId));
      }
      const total = warmUp + (run + 1) * count;
      // Done when KZ has every answer and TR every receipt for them.
      await waitFor(async () => (await counts(kz)).received >= total && (await counts(tr)).delivered >= total, 120_000, 20);
      const seconds = (performance.now() - started) / 1000;
      if (run >= 0) rates.push((2 * roundCount) / seconds);
      const postgresCpu = ((1e3 * (postgresCpuSeconds() - cpuBefore[2])) / (2 * roundCount)).toFixed(2);
      process.stdout.write(
        `  ${run < 0 ? 'warm-up: ' : ''}${((2 * roundCount) / seconds).toFixed(0)} msg/s; CPU per message: KZ ${((1e3 * (cpuSeconds(kz.pid) - cpuBefore[0])) / (2 * roundCount)).toFixed(2)} ms, TR ${((1e3 * (cpuSeconds(tr.pid) - cpuBefore[1])) / (2 * roundCount)).toFixed(2)} ms, PostgreSQL server ${postgresCpu} ms\n`,
      );
      const checks = [];
      for (let i = 0; i < roundCount; i += 1000)
        checks.push(
          ...(
            await gql(
              kz.url,
              'query($r: [String!]!) { taxpayerChecks(requestIds: $r) { status valid } }',
              { r: requestIds.slice(i, i + 1000) },
              officer,
            )
          ).taxpayerChecks,
        );
      const expected = { pending: 0, delivered: total, dead: 0, received: total };
      const [atKz, atTr] = [await counts(kz), await counts(tr)];
      const runExact =
        checks.every((c, i) => c.status === 'answered' && c.valid === (i % 2 === 0)) &&
        JSON.stringify(atKz) === JSON.stringify(expected) &&
        JSON.stringify(atTr) === JSON.stringify(expected);
      if (!runExact) process.stdout.write(`  counts differ: KZ ${JSON.stringify(atKz)}, TR ${JSON.stringify(atTr)}\n`);
      exact &&= runExact;
    }
    const rate = median(rates);
    record(
      `messages KZ <-> TR with receipts (taxpayer checks and answers), TR on ${label} (messages/s)`,
      rate,
      'msg/s',
      bareRate,
      'msg/s, same protocol work in plain Node (bench/bare-messaging.js)',
      rate / bareRate,
      `>= 500, ${exact ? 'none lost or doubled' : 'COUNTS DIFFER'}`,
      rate >= 500 && exact,
    );
  } finally {
    await Promise.all([kz.stop(), tr.stop()]);
  }
}

/** The framework-free floor of the same message exchange, in two plain Node processes: median of RUNS rounds. */
function bareMessaging(count) {
  return Number(
    execFileSync(process.execPath, [join(ROOT, 'bench/bare-messaging.js'), String(count), String(RUNS)], { encoding: 'utf8' }).trim(),
  );
}

async function federatedSearch() {
  const dataRoot = tempDir('federated');
  const countries = ['KZ', 'TR', 'KG', 'UZ', 'AZ'];
  const nodes = [];
  for (const [i, country] of countries.entries()) nodes.push(await startNode(country, dataRoot, 4921 + i));
  try {
    await mutualTrust(dataRoot, nodes);
    const url = `${nodes[0].url}/graphql`;
    const federated = JSON.stringify({
      query:
        '{ federatedServices(filter: {category: "citizenship-migration"}, lang: "ru") { items { country code name } partners { country status } } }',
    });
    const local = JSON.stringify({
      query: '{ services(filter: {category: "citizenship-migration"}, lang: "ru", first: 50) { edges { node { country code name } } } }',
    });
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: federated });
    const fed = [];
    const loc = [];
    const total = quick ? 1500 : 4000;
    for (let run = 0; run < RUNS; run += 1) {
      loc.push(await latencies(url, local, total, 8));
      fed.push(await latencies(url, federated, total, 8));
    }
    const fedP = median(fed.map((r) => r.p95));
    const locP = median(loc.map((r) => r.p95));
    record(
      'federatedServices over 5 nodes, warm caches, p95 latency (ms)',
      fedP,
      'ms',
      locP,
      'ms local services p95',
      fedP / locP,
      '< 1.5x local',
      fedP / locP < 1.5,
    );
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
  }
}

async function footprint() {
  const rss = [];
  const upSeconds = [];
  for (let run = 0; run < RUNS; run += 1) {
    const node = await startNode('KZ', tempDir('footprint'), 4931);
    await sleep(3000);
    rss.push(rssMiB(node.pid));
    await node.stop();

    const started = performance.now();
    const up = spawn(process.execPath, [join(ROOT, 'bin/fedctl.js'), '--data-dir', tempDir('up'), '--port-offset', '950', 'up'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    up.stdout.on('data', (c) => (out += c));
    await waitFor(() => out.includes('ready in'), 60_000);
    upSeconds.push((performance.now() - started) / 1000);
    up.kill('SIGTERM');
    await new Promise((r) => up.once('exit', r));
  }
  record('idle RSS of one node (MiB)', median(rss), 'MiB', null, '', null, '< 150 MiB', median(rss) < 150);
  record(
    'fedctl up: five nodes ready with mutual trust, first start (s)',
    median(upSeconds),
    's',
    null,
    '',
    null,
    '< 15 s',
    median(upSeconds) < 15,
  );
}

// `--only=messages,registry` runs a subset while working on one path; it prints but leaves docs/benchmarks.md alone.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** Runs `benchmark` with TR on a fresh database of the BENCH_DATABASE_URL server. */
const onPostgres = async (benchmark) => {
  const database = await scratchDatabase(process.env.BENCH_DATABASE_URL);
  try {
    await benchmark({ DATABASE_URL: database.url });
  } finally {
    await database.drop();
  }
};
const postgres = Boolean(process.env.BENCH_DATABASE_URL);
let rawRate;
const steps = {
  verification: async () => {
    rawRate = await documentVerification();
    await graphqlVerification(rawRate);
  },
  registry: registryQuery,
  messages: async () => {
    const bare = bareMessaging(quick ? 1000 : 3000);
    await messages('SQLite', {}, bare);
    if (postgres) await onPostgres((env) => messages('PostgreSQL', env, bare));
  },
  applications: async () => {
    await applications('SQLite', {});
    if (postgres) await onPostgres((env) => applications('PostgreSQL', env));
  },
  federated: federatedSearch,
  footprint,
};
const started = Date.now();
for (const [name, step] of Object.entries(steps)) if (!only || only.includes(name)) await step();

const table = rows
  .map(
    (r) =>
      `| ${r.name} | ${r.value.toFixed(2)} ${r.unit} | ${r.baseline === null ? '-' : `${r.baseline.toFixed(2)} ${r.baselineUnit}`} | ${r.ratio === null ? '-' : r.ratio.toFixed(2)} | ${r.goal} | ${r.met ? 'met' : '**missed**'} |`,
  )
  .join('\n');
if (only) process.exit(0);
const command = `npm run bench${quick ? ' -- --quick' : ''}${process.env.BENCH_DATABASE_URL ? ' (BENCH_DATABASE_URL set)' : ''}`;
const section = `## Latest run

- command: \`${command}\`
- machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString()}
- every figure is the median of ${RUNS} runs; baselines are measured in the same run; load from autocannon in the same process as the baselines' clients
- took ${Math.round((Date.now() - started) / 1000)} s

| benchmark | result | baseline (same run) | ratio | goal | |
|---|---|---|---|---|---|
${table}
`;
const file = join(ROOT, 'docs/benchmarks.md');
let previous = '';
try {
  previous = readFileSync(file, 'utf8');
} catch {
  // first run: no notes to keep
}
const notes = previous.includes('## Notes') ? previous.slice(previous.indexOf('## Notes')) : '## Notes\n\n(none yet)\n';
writeFileSync(
  file,
  `# Benchmarks\n\nWritten by \`npm run bench\` (bench/run.js); the notes below the table are kept between runs.\n\n${section}\n${notes}`,
);
process.stdout.write(`\nwrote docs/benchmarks.md\n`);
process.exit(0);
