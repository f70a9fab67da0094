// npm run bench [-- --quick]: every hot path against a baseline measured in the same run, median of 3.
// The growth steps (growth, growth-postgresql, audit, statuslist, fifteen) and hsm run in the full bench only, or when --only names them;
// `--soak [--soak-minutes=30]` runs only the soak (bench/soak.js).
// Writes docs/benchmarks.md. Nothing here is a test: no figure fails `npm test`.
import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDatabase, ROOT } from './support.js';
import { quick, rows, RUNS } from './results.js';
import { documentVerification, graphqlVerification } from './verification.js';
import { registryQuery } from './registry.js';
import { applications, messages, bareMessaging } from './flows.js';
import { hsmMessages } from './hsm.js';
import { federatedSearch, footprint } from './federation.js';
import { federationScale } from './federation-scale.js';
import { monitoringOverhead } from './monitoring.js';
import { transparencyProofs } from './transparency.js';
import { auditAtScale, statusListAtScale, storedGrowth } from './growth.js';
import { soak } from './soak.js';

// The nodes this bench starts inherit it: the pool size `fedctl up` gives them (apps/fedctl/src/local-federation.ts).
process.env.UV_THREADPOOL_SIZE ??= String(cpus().length);

// `--only=messages,registry` runs a subset while working on one path; it prints but leaves docs/benchmarks.md alone.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** Runs `benchmark` with TR on a fresh database of the BENCH_DATABASE_URL server; returns what it returns. */
const onPostgres = async (benchmark) => {
  const database = await scratchDatabase(process.env.BENCH_DATABASE_URL);
  try {
    return await benchmark({ DATABASE_URL: database.url });
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
  // Key custody (not in --quick: two message benchmarks, over 90 s on this machine): both nodes' keys in SoftHSM2
  // against the software key store, and what one token operation costs.
  hsm: async () => (quick && !only ? undefined : hsmMessages()),
  monitoring: monitoringOverhead,
  federated: federatedSearch,
  transparency: transparencyProofs,
  footprint,
  // Growth (not in --quick): a million stored rows of each kind, BENCH_GROWTH_ROWS to change it.
  growth: async () => (quick && !only ? undefined : storedGrowth('SQLite', (run) => run({}), bareMessaging(quick ? 1000 : 3000))),
  // The same with TR on PostgreSQL (BENCH_DATABASE_URL), a step of its own so that either half can be rerun alone.
  'growth-postgresql': async () =>
    (quick && !only) || !postgres ? undefined : storedGrowth('PostgreSQL', onPostgres, bareMessaging(quick ? 1000 : 3000)),
  audit: async () => (quick && !only ? undefined : auditAtScale()),
  statuslist: async () => (quick && !only ? undefined : statusListAtScale()),
  // 15 nodes (not in --quick).
  fifteen: async () => (quick && !only ? undefined : federationScale()),
};
if (process.argv.includes('--soak')) {
  await soak();
  process.exit(0);
}
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
