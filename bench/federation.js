import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { gql, latencies, median, mutualTrust, ROOT, rssMiB, sleep, startNode, tempDir, token, waitFor } from './support.js';
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

/**
 * A federation config of 15 countries in a temporary folder: the seven of federation-config and eight
 * user-assigned codes (XA-XH), each a copy of Kazakhstan's catalog and citizens under its own code.
 */
function fifteenCountryConfig() {
  const dir = tempDir('federation-15');
  cpSync(join(ROOT, 'federation-config'), dir, { recursive: true });
  const federation = JSON.parse(readFileSync(join(dir, 'federation.json'), 'utf8'));
  const kz = federation.countries.find((c) => c.code === 'KZ');
  const extra = ['XA', 'XB', 'XC', 'XD', 'XE', 'XF', 'XG', 'XH'];
  for (const [i, code] of extra.entries()) {
    federation.countries.push({
      ...kz,
      code,
      port: 4100 + i,
      personId: { scheme: 'ID', pattern: '^[0-9]{12}$' },
      names: Object.fromEntries(Object.keys(kz.names).map((lang) => [lang, `Bench ${code}`])),
    });
    const copy = (from, to) => writeFileSync(to, readFileSync(from, 'utf8').replaceAll('KZ', code).replaceAll(':IIN:', ':ID:'));
    copy(join(dir, 'services/KZ.json'), join(dir, `services/${code}.json`));
    for (const file of readdirSync(join(dir, 'services/locales')).filter((f) => f.startsWith('KZ.')))
      copy(join(dir, 'services/locales', file), join(dir, 'services/locales', file.replace(/^KZ/, code)));
    if (existsSync(join(dir, 'citizens/KZ.json'))) copy(join(dir, 'citizens/KZ.json'), join(dir, `citizens/${code}.json`));
  }
  writeFileSync(join(dir, 'federation.json'), JSON.stringify(federation, null, 2));
  return { dir, countries: federation.countries.map((c) => c.code) };
}

/** federatedServices p95 at one node whose partners are 14 against the same node with 4 (5 nodes), same run; RSS of all 15. */
export async function federationAtScale() {
  const config = fifteenCountryConfig();
  const dataRoot = tempDir('federated-15');
  const env = { FEDERATION_CONFIG_DIR: config.dir };
  const nodes = [];
  try {
    for (let i = 0; i < config.countries.length; i += 5)
      nodes.push(
        ...(await Promise.all(config.countries.slice(i, i + 5).map((country, j) => startNode(country, dataRoot, 4961 + i + j, env)))),
      );
    const [searcher, ...partners] = nodes;
    const admin = token(dataRoot, searcher.country, `${searcher.country}:ADMIN:bench`, 'admin', env);
    const trustPartner = async (partner) => {
      const { node } = await gql(partner.url, '{ node { rootKeyThumbprints } }');
      await gql(
        searcher.url,
        'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { status } }',
        { i: { country: partner.country, thumbprints: node.rootKeyThumbprints, baseUrl: partner.url } },
        admin,
      );
    };
    const url = `${searcher.url}/graphql`;
    const federated = JSON.stringify({
      query:
        '{ federatedServices(filter: {category: "citizenship-migration"}, lang: "ru") { items { country code name } partners { country status } } }',
    });
    const total = quick ? 800 : 2000;
    const p95 = async (expectedPartners) => {
      const answer = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: federated })).json();
      const ok = answer.data.federatedServices.partners.filter((p) => p.status === 'ok' || p.status === 'cached').length;
      if (answer.data.federatedServices.partners.length !== expectedPartners)
        process.stdout.write(
          `  ${answer.data.federatedServices.partners.length} partners answered, ${ok} ok; ${expectedPartners} expected\n`,
        );
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push((await latencies(url, federated, total, 8)).p95);
      return median(runs);
    };
    for (const partner of partners.slice(0, 4)) await trustPartner(partner);
    const five = await p95(4);
    for (const partner of partners.slice(4)) await trustPartner(partner);
    const fifteen = await p95(14);
    record(
      'federatedServices p95 with 15 nodes, warm caches (ms)',
      fifteen,
      'ms',
      five,
      'ms with 5 nodes',
      fifteen / five,
      '<= 1.5x 5 nodes',
      fifteen / five <= 1.5,
    );
    const rss = nodes.reduce((sum, n) => sum + rssMiB(n.pid), 0);
    record('RSS of the 15 nodes together, after the searches (MiB)', rss, 'MiB', null, '', null, '< 15 x 150 MiB', rss < 15 * 150);
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
  }
}
