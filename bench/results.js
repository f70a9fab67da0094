// What every benchmark shares: the run's length and the rows it records for docs/benchmarks.md.
export const quick = process.argv.includes('--quick');
// BENCH_RUNS=10: more rounds, to see a path's steady state past the JIT's warm-up (docs/benchmarks.md).
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const DURATION = quick ? 3 : 8;
export const rows = [];
export const record = (name, value, unit, baseline, baselineUnit, ratio, goal, met) => {
  rows.push({ name, value, unit, baseline, baselineUnit, ratio, goal, met });
  process.stdout.write(
    `${name}: ${value.toFixed(2)} ${unit} | baseline ${baseline === null ? '-' : `${baseline.toFixed(2)} ${baselineUnit}`} | ratio ${ratio === null ? '-' : ratio.toFixed(2)} | goal ${goal} | ${met ? 'met' : 'MISSED'}\n`,
  );
};
