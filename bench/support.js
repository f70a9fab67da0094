// Shared helpers of the benchmarks: real node processes, tokens, GraphQL calls, autocannon runs.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { NODE_V8_FLAGS } from '../dist/libs/config/src/node-runtime.js';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_MAIN = join(ROOT, 'dist/apps/node/src/main.js');
const FEDCTL = join(ROOT, 'bin/fedctl.js');

export const tempDir = (label) => mkdtempSync(join(tmpdir(), `ots-bench-${label}-`));
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** Every per-address rate limit of the node (README's configuration table), turned off. */
export const RATE_LIMITS_OFF = Object.fromEntries(
  ['', 'CATALOG_', 'FEDERATED_SEARCH_', 'VERIFY_', 'DELIVER_', 'SNAPSHOT_', 'STATUS_LIST_', 'WELL_KNOWN_'].map((c) => [
    `RATE_LIMIT_${c}PER_MINUTE`,
    '0',
  ]),
);

/**
 * Added to every port a benchmark node listens on (BENCH_PORT_SHIFT), so that two checkouts on one machine can run
 * benchmarks at once (`fedctl up` in the footprint step keeps its own offset).
 */
const PORT_SHIFT = Number(process.env.BENCH_PORT_SHIFT ?? 0);

/**
 * Starts a node the way `fedctl up` does (same V8 flags). `inspectPort` opens the V8 inspector on 127.0.0.1 there
 * (bench/heap-inspector.js reads the reachable heap through it); shifted like the node's port.
 */
export async function startNode(country, dataRoot, basePort, env = {}, { inspectPort } = {}) {
  const port = basePort + PORT_SHIFT;
  // BENCH_PROFILE=<dir>: each node writes a CPU profile there when it stops (`--cpu-prof` is refused in NODE_OPTIONS).
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=${country}-${port}.cpuprofile`]
    : [];
  const inspect = inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort + PORT_SHIFT}`];
  const child = spawn(
    process.execPath,
    [...NODE_V8_FLAGS, ...profile, ...inspect, NODE_MAIN, '--country', country, '--port', String(port)],
    {
      env: {
        ...process.env,
        DATA_DIR: dataRoot,
        DEV_IDP: 'on',
        LOG_LEVEL: 'error',
        // The bench measures throughput from one client address, far above any per-address budget: every limit off.
        ...RATE_LIMITS_OFF,
        OUTBOX_BASE_DELAY_MS: '100',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, 30_000);
  return {
    country,
    url,
    pid: child.pid,
    child,
    inspectPort: inspectPort === undefined ? undefined : inspectPort + PORT_SHIFT,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))),
  };
}

export function fedctl(args) {
  return execFileSync(process.execPath, [FEDCTL, ...args], { encoding: 'utf8' }).trim();
}

export const token = (dataRoot, country, subject, role) =>
  fedctl(['--data-dir', dataRoot, 'token', '--country', country, '--subject', subject, '--role', role, '--ttl', '3600']);

export async function gql(url, query, variables = {}, tokenValue) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Every node of a connection `field`, 100 a page; `args` (with `$after` bound) narrows it, e.g. a filter. */
export async function allNodes(url, field, selection, { args = '', variableDefinitions = '', variables = {} } = {}, tokenValue) {
  const query = `query($after: String${variableDefinitions ? `, ${variableDefinitions}` : ''}) { page: ${field}(first: 100, after: $after${args ? `, ${args}` : ''}) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`;
  const nodes = [];
  for (let after = null; ;) {
    const { page } = await gql(url, query, { ...variables, after }, tokenValue);
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Pins each node at every other, the way `fedctl up` does. */
export async function mutualTrust(dataRoot, nodes) {
  const prints = {};
  for (const node of nodes) prints[node.country] = (await gql(node.url, '{ node { rootKeyThumbprints } }')).node.rootKeyThumbprints[0];
  for (const node of nodes)
    for (const partner of nodes)
      if (partner !== node)
        fedctl([
          '--data-dir',
          dataRoot,
          'trust',
          'add',
          '--node',
          node.url,
          '--country',
          partner.country,
          '--thumbprint',
          prints[partner.country],
          '--from',
          partner.url,
        ]);
}

/** Runs autocannon and returns requests/s and latency percentiles (ms). */
export async function load(options) {
  const result = await autocannon({ connections: 32, duration: 5, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p95,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by every PostgreSQL server process on this machine (0 when there is none). */
export function postgresCpuSeconds() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** A process's resident memory as the kernel counts it (MiB): all of it, anonymous (heaps, stacks) and file-backed (code). */
export function residentMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile') };
}

export function rssMiB(pid) {
  return residentMiB(pid).rss;
}

/** Latency percentiles in ms with microsecond resolution: `total` requests, `concurrency` at a time. */
export async function latencies(url, body, total, concurrency) {
  const samples = [];
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent += 1;
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.text();
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p95: samples[Math.floor(samples.length * 0.95)] };
}

/** A database of its own on the BENCH_DATABASE_URL server for one benchmark, so counts start at zero. */
export async function scratchDatabase(serverUrl) {
  const name = `ots_bench_${randomBytes(6).toString('hex')}`;
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // FORCE may not end the server's autovacuum worker (a million freshly seeded rows keep one busy), which only a
  // superuser may signal: the drop waits for it and tries again.
  const drop = async (attempt = 1) => {
    try {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      if (error.code !== '42501' || attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await drop(attempt + 1);
    }
  };
  return { url: url.toString(), drop };
}
