// npm run bench -- --soak [--soak-minutes=30]: mixed traffic over five nodes for half an hour, sampled every
// minute. After a warm-up (the first third), RSS, reachable V8 heap (in use right after a collection the bench forces
// through the inspector, bench/heap-inspector.js), open file descriptors and database bytes per stored row of each node
// must grow less than 5 % per 10 minutes, and no message may be lost or doubled. The node's own `ots_heap_live_bytes`
// is printed beside it, not judged: it reads what the last ordinary mark-compact left, which on the busiest node
// includes what was allocated while it marked. Growth is the least-squares slope over all warm samples, relative to
// their mean, not first against last: one sample's RSS moves by megabytes with the collector's timing.
// Not part of the default run; prints its table and leaves docs/benchmarks.md alone.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connectHeapInspector } from './heap-inspector.js';
import { gql, mutualTrust, residentMiB, sleep, startNode, tempDir, token } from './support.js';

const minutes = Number(process.argv.find((a) => a.startsWith('--soak-minutes='))?.slice('--soak-minutes='.length) ?? 30);
const COUNTRIES = ['KZ', 'TR', 'KG', 'UZ', 'AZ'];
const FORM = { purpose: 'Soak', intendedStayMonths: 6, permitKind: 'first' };

const openFiles = (pid) => readdirSync(`/proc/${pid}/fd`).length;
const databaseBytes = (dataRoot, country) =>
  ['node.sqlite', 'node.sqlite-wal']
    .map((f) => join(dataRoot, country, f))
    .reduce((sum, file) => {
      try {
        return sum + statSync(file).size;
      } catch {
        return sum;
      }
    }, 0);
/** From the node's /metrics: live heap (after the last mark-compact), V8's committed heap and external memory. */
async function heapMiB(url) {
  const text = await fetch(`${url}/metrics`)
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '');
  const gauge = (name) => {
    const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    return value === undefined ? null : Number(value) / 2 ** 20;
  };
  return {
    live: gauge('ots_heap_live_bytes'),
    committed: gauge('nodejs_heap_size_total_bytes'),
    external: gauge('nodejs_external_memory_bytes'),
  };
}

export async function soak() {
  const dataRoot = tempDir('soak');
  const nodes = [];
  const inspectors = new Map();
  for (const [i, country] of COUNTRIES.entries()) nodes.push(await startNode(country, dataRoot, 4981 + i, {}, { inspectPort: 9401 + i }));
  const stopAt = Date.now() + minutes * 60_000;
  try {
    for (const node of nodes) inspectors.set(node.country, await connectHeapInspector(node.inspectPort));
    await mutualTrust(dataRoot, nodes);
    const [kz, tr] = nodes;
    const officer = token(dataRoot, 'KZ', 'KZ:OFFICER:soak', 'officer');
    const citizen = token(dataRoot, 'KZ', 'KZ:IIN:900101300123', 'citizen');
    const admins = Object.fromEntries(nodes.map((n) => [n.country, token(dataRoot, n.country, `${n.country}:ADMIN:soak`, 'admin')]));
    const counts = async (node) =>
      (await gql(node.url, '{ messageCounts { pending delivered dead received } }', {}, admins[node.country])).messageCounts;
    const auditEntries = async (node) =>
      (await gql(node.url, '{ auditVerification { entries intact } }', {}, admins[node.country])).auditVerification;
    let sent = 0;
    let failures = 0;
    /** Why traffic rounds failed, by message, so a miss can be read. */
    const failureReasons = new Map();
    // One "second" of traffic: taxpayer checks to every partner, an application, catalog and federated reads.
    const traffic = async () => {
      const partners = nodes.slice(1);
      await Promise.all([
        ...partners.map((p) =>
          gql(
            kz.url,
            'mutation($c: String!, $t: [String!]!) { verifyTaxpayers(country: $c, tins: $t) { requestId } }',
            { c: p.country, t: ['1234567890', '0000000000'] },
            officer,
          ).then(() => (sent += 2)),
        ),
        gql(
          kz.url,
          'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
          { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
          citizen,
        ).then(() => (sent += 1)),
        ...Array.from({ length: 10 }, () => gql(tr.url, '{ services(first: 20) { totalCount } }')),
        gql(kz.url, '{ federatedServices(filter: {category: CITIZENSHIP_MIGRATION}) { items { code } } }'),
      ]).catch((err) => {
        failures += 1;
        const reason = String(err.message).slice(0, 300);
        failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
      });
    };
    const samples = [];
    const sample = async () => {
      const row = { minute: samples.length };
      for (const node of nodes) {
        const c = await counts(node);
        const stored = c.delivered + c.received + c.pending + (await auditEntries(node)).entries;
        const memory = residentMiB(node.pid);
        const heap = await heapMiB(node.url);
        row[node.country] = {
          ...memory,
          gauge: heap.live,
          committed: heap.committed,
          external: heap.external,
          // Last: the forced collection would otherwise shape the readings above.
          reachable: await inspectors.get(node.country).reachableHeapMiB(),
          fds: openFiles(node.pid),
          bytesPerRow: databaseBytes(dataRoot, node.country) / Math.max(1, stored),
        };
      }
      samples.push(row);
      process.stdout.write(
        `  minute ${row.minute}: ${nodes.map((n) => `${n.country} ${row[n.country].rss.toFixed(0)} MiB (anon ${row[n.country].anon.toFixed(0)}, file ${row[n.country].file.toFixed(0)}), heap reachable ${row[n.country].reachable.toFixed(1)} / gauge ${row[n.country].gauge?.toFixed(1) ?? 'n/a'} / committed ${row[n.country].committed?.toFixed(1) ?? 'n/a'} MiB, external ${row[n.country].external?.toFixed(1) ?? 'n/a'} MiB, ${row[n.country].fds} fds, ${row[n.country].bytesPerRow.toFixed(0)} B/row`).join('; ')}\n`,
      );
    };
    await sample();
    let nextSample = Date.now() + 60_000;
    while (Date.now() < stopAt) {
      const started = Date.now();
      await traffic();
      if (Date.now() >= nextSample) {
        await sample();
        nextSample += 60_000;
      }
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
    // Let the outboxes drain, then check nothing was lost or doubled: every message KZ sent has a receipt, and the
    // partners received exactly what KZ delivered.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (await counts(kz)).pending > 0) await sleep(500);
    const atKz = await counts(kz);
    const received = (await Promise.all(nodes.slice(1).map(counts))).reduce((sum, c) => sum + c.received, 0);
    const exact = atKz.pending === 0 && atKz.dead === 0 && atKz.delivered === received;
    const warm = samples.slice(Math.floor(samples.length / 3));
    /** Least-squares slope of the values over the warm minutes, as a fraction of their mean per 10 minutes. */
    const growthPerTenMinutes = (values) => {
      const xs = warm.map((row) => row.minute);
      const mean = (a) => a.reduce((sum, v) => sum + v, 0) / a.length;
      const [mx, my] = [mean(xs), mean(values)];
      const spread = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
      if (spread === 0 || my === 0) return 0;
      const slope = xs.reduce((sum, x, i) => sum + (x - mx) * (values[i] - my), 0) / spread;
      return (slope * 10) / my;
    };
    process.stdout.write(
      `\nsoak: ${minutes} min, ${sent} messages sent by KZ, ${failures} failed traffic rounds, ${exact ? 'none lost or doubled' : `COUNTS DIFFER (KZ ${JSON.stringify(atKz)}, received ${received})`}\n`,
    );
    for (const [reason, count] of failureReasons) process.stdout.write(`  ${count} x ${reason}\n`);
    process.stdout.write(
      '| node | RSS at warm start → end (MiB) | RSS growth /10 min | reachable heap growth /10 min | fd growth /10 min | bytes/row growth /10 min | goal |\n|---|---|---|---|---|---|---|\n',
    );
    let met = exact && failures === 0;
    for (const node of nodes) {
      const series = (metric) => warm.map((row) => row[node.country][metric]);
      const growth = {
        rss: growthPerTenMinutes(series('rss')),
        heap: growthPerTenMinutes(series('reachable')),
        fds: growthPerTenMinutes(series('fds')),
        bytes: growthPerTenMinutes(series('bytesPerRow')),
      };
      const ok = [growth.rss, growth.heap, growth.fds, growth.bytes].every((g) => g < 0.05);
      met &&= ok;
      const pct = (g) => `${(100 * g).toFixed(1)} %`;
      process.stdout.write(
        `| ${node.country} | ${warm[0][node.country].rss.toFixed(0)} → ${warm.at(-1)[node.country].rss.toFixed(0)} | ${pct(growth.rss)} | ${pct(growth.heap)} | ${pct(growth.fds)} | ${pct(growth.bytes)} | < 5 % ${ok ? 'met' : 'MISSED'} |\n`,
      );
    }
    // Where resident memory went over the warm minutes, in MiB (not judged: it tells a miss's cause).
    process.stdout.write(
      '\n| node | anonymous | file-backed | V8 committed heap | external | ots_heap_live_bytes | its growth /10 min |\n|---|---|---|---|---|---|---|\n',
    );
    for (const node of nodes) {
      const span = (metric) => {
        const [first, last] = [warm[0][node.country][metric], warm.at(-1)[node.country][metric]];
        return first === null || last === null ? 'n/a' : `${first.toFixed(0)} → ${last.toFixed(0)}`;
      };
      const gauges = warm.map((row) => row[node.country].gauge);
      const gaugeGrowth = gauges.includes(null) ? 'n/a' : `${(100 * growthPerTenMinutes(gauges)).toFixed(1)} %`;
      process.stdout.write(
        `| ${node.country} | ${span('anon')} | ${span('file')} | ${span('committed')} | ${span('external')} | ${span('gauge')} | ${gaugeGrowth} |\n`,
      );
    }
    process.stdout.write(`soak ${met ? 'met' : 'MISSED'}\n`);
  } finally {
    for (const inspector of inspectors.values()) inspector.close();
    await Promise.all(nodes.map((n) => n.stop()));
  }
}
