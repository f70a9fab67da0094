import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { latencies, median, mutualTrust, ROOT, rssMiB, sleep, startNode, tempDir, waitFor } from './support.js';
import { quick, RUNS, record } from './results.js';

export async function federatedSearch() {
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

export async function footprint() {
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
