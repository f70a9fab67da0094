import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { allNodes, cpuSeconds, postgresCpuSeconds, gql, median, mutualTrust, ROOT, startNode, tempDir, token, waitFor } from './support.js';
import { quick, RUNS, record } from './results.js';

/**
 * `options.seed(dataRoot, trEnv)` fills both databases before the nodes start with `options.stored` messages each way
 * (bench/growth.js); returns the rate.
 */
export async function applications(label, trEnv, options = {}) {
  const dataRoot = tempDir('apps');
  await options.seed?.(dataRoot, trEnv);
  const [kz, tr] = [await startNode('KZ', dataRoot, 4911), await startNode('TR', dataRoot, 4912, trEnv)];
  try {
    await mutualTrust(dataRoot, [kz, tr]);
    const citizen = token(dataRoot, 'KZ', 'KZ:IIN:900101300123', 'citizen');
    const trAdmin = token(dataRoot, 'TR', 'TR:ADMIN:1', 'admin');
    const count = quick ? 150 : 400;
    const warmUp = 64;
    const form = { purpose: 'Benchmark', intendedStayMonths: 6, permitKind: 'first' };
    // What a seeded database already holds (bench/growth.js): the counts below are on top of it.
    const stored = options.stored ?? 0;
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
            { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form, consent: ['CRIMINAL_RECORD_CERTIFICATE', 'INCOME_STATEMENT'] } },
            citizen,
          );
        }
      };
      await Promise.all(Array.from({ length: 32 }, citizenApplies));
      done += n;
      await waitFor(
        async () => (await gql(tr.url, '{ messageCounts { delivered } }', {}, trAdmin)).messageCounts.delivered >= stored + done,
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
    const expected = JSON.stringify({ pending: 0, delivered: stored + total, dead: 0, received: stored + total });
    const atTr = JSON.stringify((await gql(tr.url, '{ messageCounts { pending delivered dead received } }', {}, trAdmin)).messageCounts);
    const atKz = JSON.stringify((await gql(kz.url, '{ messageCounts { pending delivered dead received } }', {}, kzAdmin)).messageCounts);
    const mine = await allNodes(kz.url, 'myApplications', 'status', {}, citizen);
    const exact = atTr === expected && atKz === expected && mine.length === total && mine.every((a) => a.status === 'UNDER_REVIEW');
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
    return rate;
  } finally {
    await Promise.all([kz.stop(), tr.stop()]);
    // A seeded million rows each way is about 12 GB: not left in the temporary directory for the next run.
    if (options.seed) rmSync(dataRoot, { recursive: true, force: true });
  }
}

/**
 * Node-to-node messages alone: an officer at KZ checks a list of taxpayer numbers at TR, one request message each
 * way and one answer back, each signed, encrypted, sent by the outbox worker, decrypted, verified, de-duplicated and
 * receipted. Baseline: the same protocol work by two plain Node processes (bench/bare-messaging.js).
 */
export async function messages(label, trEnv, bareRate, options = {}) {
  const { rate, exact } = await messageExchange({}, trEnv, options);
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
  return rate;
}

/**
 * The rounds of `messages()` with KZ started with `kzEnv` and TR with `trEnv`, recording nothing: the median rate,
 * whether every round's counts were exact, and the median CPU per message of each node (ms).
 */
export async function messageExchange(kzEnv, trEnv, options = {}) {
  const dataRoot = tempDir('messages');
  await options.seed?.(dataRoot, trEnv);
  const [kz, tr] = [await startNode('KZ', dataRoot, 4913, kzEnv), await startNode('TR', dataRoot, 4914, trEnv)];
  try {
    await mutualTrust(dataRoot, [kz, tr]);
    const officer = token(dataRoot, 'KZ', 'KZ:OFFICER:1', 'officer');
    const admins = { KZ: token(dataRoot, 'KZ', 'KZ:ADMIN:1', 'admin'), TR: token(dataRoot, 'TR', 'TR:ADMIN:1', 'admin') };
    const count = quick ? 1000 : 3000;
    const tins = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? '1234567890' : '0000000000'));
    const counts = async (node) =>
      (await gql(node.url, '{ messageCounts { pending delivered dead received } }', {}, admins[node.country])).messageCounts;
    const rates = [];
    const cpu = { KZ: [], TR: [] };
    let exact = true;
    // What a seeded database already holds (bench/growth.js): the counts below are on top of it.
    const stored = options.stored ?? 0;
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
      await waitFor(
        async () => (await counts(kz)).received >= stored + total && (await counts(tr)).delivered >= stored + total,
        120_000,
        20,
      );
      const seconds = (performance.now() - started) / 1000;
      const [kzCpu, trCpu] = [cpuSeconds(kz.pid) - cpuBefore[0], cpuSeconds(tr.pid) - cpuBefore[1]].map(
        (s) => (1e3 * s) / (2 * roundCount),
      );
      if (run >= 0) {
        rates.push((2 * roundCount) / seconds);
        cpu.KZ.push(kzCpu);
        cpu.TR.push(trCpu);
      }
      const postgresCpu = ((1e3 * (postgresCpuSeconds() - cpuBefore[2])) / (2 * roundCount)).toFixed(2);
      process.stdout.write(
        `  ${run < 0 ? 'warm-up: ' : ''}${((2 * roundCount) / seconds).toFixed(0)} msg/s; CPU per message: KZ ${kzCpu.toFixed(2)} ms, TR ${trCpu.toFixed(2)} ms, PostgreSQL server ${postgresCpu} ms\n`,
      );
      const byId = new Map();
      for (let i = 0; i < roundCount; i += 1000)
        for (const check of await allNodes(
          kz.url,
          'taxpayerChecks',
          'requestId status valid',
          { args: 'filter: { requestIds: $r }', variableDefinitions: '$r: [String!]', variables: { r: requestIds.slice(i, i + 1000) } },
          officer,
        ))
          byId.set(check.requestId, check);
      const checks = requestIds.map((id) => byId.get(id) ?? {});
      const expected = { pending: 0, delivered: stored + total, dead: 0, received: stored + total };
      const [atKz, atTr] = [await counts(kz), await counts(tr)];
      const runExact =
        checks.every((c, i) => c.status === 'ANSWERED' && c.valid === (i % 2 === 0)) &&
        JSON.stringify(atKz) === JSON.stringify(expected) &&
        JSON.stringify(atTr) === JSON.stringify(expected);
      if (!runExact) process.stdout.write(`  counts differ: KZ ${JSON.stringify(atKz)}, TR ${JSON.stringify(atTr)}\n`);
      exact &&= runExact;
    }
    return { rate: median(rates), exact, cpu: { KZ: median(cpu.KZ), TR: median(cpu.TR) } };
  } finally {
    await Promise.all([kz.stop(), tr.stop()]);
    // A seeded million rows each way is about 12 GB: not left in the temporary directory for the next run.
    if (options.seed) rmSync(dataRoot, { recursive: true, force: true });
  }
}

/** The framework-free floor of the same message exchange, in two plain Node processes: median of RUNS rounds. */
export function bareMessaging(count) {
  return Number(
    execFileSync(process.execPath, [join(ROOT, 'bench/bare-messaging.js'), String(count), String(RUNS)], { encoding: 'utf8' }).trim(),
  );
}
