import { cpuSeconds, gql, median, mutualTrust, startNode, tempDir, token, waitFor } from './support.js';
import { quick, RUNS, record } from './results.js';

/**
 * The message benchmark's exchange (KZ asks TR to check taxpayer numbers, TR answers each with a message) on two
 * pairs of nodes in the same run: one with monitoring off (LOG_LEVEL=error, no partner probes, nobody scraping),
 * one as an operator runs it (LOG_LEVEL=log, probes every 15 s, /metrics of both nodes scraped every second).
 * Rounds alternate between the pairs so that drift in the machine's load hits both alike.
 */
export async function monitoringOverhead() {
  const count = quick ? 1000 : 3000;
  const off = await pair('off', 4951, { LOG_LEVEL: 'error', PARTNER_PROBE_SECONDS: '0' });
  const on = await pair('on', 4953, { LOG_LEVEL: 'log' });
  try {
    await off.round(1000);
    await on.round(1000);
    const rates = { off: [], on: [] };
    const cpu = { off: [], on: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const measured = await off.round(count);
      rates.off.push(measured.rate);
      cpu.off.push(measured.cpuMs);
      const scraping = scrapeEverySecond([on.kz.url, on.tr.url]);
      try {
        const monitored = await on.round(count);
        rates.on.push(monitored.rate);
        cpu.on.push(monitored.cpuMs);
      } finally {
        scraping.stop();
      }
      process.stdout.write(
        `  monitoring off ${rates.off.at(-1).toFixed(0)} msg/s (${cpu.off.at(-1).toFixed(2)} ms CPU/msg), on ${rates.on.at(-1).toFixed(0)} msg/s (${cpu.on.at(-1).toFixed(2)} ms CPU/msg)\n`,
      );
    }
    const [rateOff, rateOn] = [median(rates.off), median(rates.on)];
    // On a loaded machine the rate swings with the neighbours; the CPU both nodes spend per message does not.
    const cpuRatio = median(cpu.off) / median(cpu.on);
    record(
      'CPU per message of both nodes, monitoring off over on (ms)',
      median(cpu.on),
      'ms/msg',
      median(cpu.off),
      'ms/msg with monitoring off',
      cpuRatio,
      '>= 0.95',
      cpuRatio >= 0.95,
    );
    const ratio = rateOn / rateOff;
    record(
      'messages KZ <-> TR with metrics scraped every second and logs at `log` level (messages/s)',
      rateOn,
      'msg/s',
      rateOff,
      'msg/s, the same with logs at `error`, no probes and no scraping',
      ratio,
      '>= 0.95',
      ratio >= 0.95,
    );
  } finally {
    await Promise.all([off.stop(), on.stop()]);
  }
}

async function pair(label, port, env) {
  const dataRoot = tempDir(`monitoring-${label}`);
  const [kz, tr] = [await startNode('KZ', dataRoot, port, env), await startNode('TR', dataRoot, port + 1, env)];
  await mutualTrust(dataRoot, [kz, tr]);
  const officer = token(dataRoot, 'KZ', 'KZ:OFFICER:1', 'officer');
  const admins = { KZ: token(dataRoot, 'KZ', 'KZ:ADMIN:1', 'admin'), TR: token(dataRoot, 'TR', 'TR:ADMIN:1', 'admin') };
  const counts = async (node) => (await gql(node.url, '{ messageCounts { delivered received } }', {}, admins[node.country])).messageCounts;
  let total = 0;
  return {
    kz,
    tr,
    /** Sends `n` checks and waits for every answer; rate and CPU count both directions' messages. */
    async round(n) {
      const tins = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1234567890' : '0000000000'));
      const started = performance.now();
      const cpuBefore = cpuSeconds(kz.pid) + cpuSeconds(tr.pid);
      for (let i = 0; i < n; i += 1000)
        await gql(
          kz.url,
          'mutation($t: [String!]!) { verifyTaxpayers(country: "TR", tins: $t) { requestId } }',
          { t: tins.slice(i, i + 1000) },
          officer,
        );
      total += n;
      await waitFor(async () => (await counts(kz)).received >= total && (await counts(tr)).delivered >= total, 120_000, 20);
      const seconds = (performance.now() - started) / 1000;
      return { rate: (2 * n) / seconds, cpuMs: (1000 * (cpuSeconds(kz.pid) + cpuSeconds(tr.pid) - cpuBefore)) / (2 * n) };
    },
    stop: () => Promise.all([kz.stop(), tr.stop()]),
  };
}

/** What a Prometheus with `scrape_interval: 1s` does to the nodes: GET /metrics of each, every second. */
function scrapeEverySecond(urls) {
  const scrape = () =>
    urls.map((url) =>
      fetch(`${url}/metrics`)
        .then((r) => r.text())
        .catch(() => undefined),
    );
  scrape();
  const timer = setInterval(scrape, 1000);
  return { stop: () => clearInterval(timer) };
}
