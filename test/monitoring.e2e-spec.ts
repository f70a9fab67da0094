import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from './support/cross-border.js';
import { addTrustAnchor, graphql, nodeInfo } from './support/graphql.js';
import { fedctl, PORT_SHIFT, startNode, tempDataRoot, waitFor, type RunningNode } from './support/processes.js';
import { TestPrometheus } from './support/prometheus.js';

const OFFSET = 960 + PORT_SHIFT;
const BASE_PORTS = { KZ: 4001, TR: 4002, KG: 4003 } as const;
type Country = keyof typeof BASE_PORTS;
const KZ_CITIZEN = 'KZ:IIN:900101300123';
const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };

interface LogLine {
  level: string;
  time: string;
  msg: string;
  traceparent?: string;
  parentSpanId?: string;
  iss?: string;
  jti?: string;
  msgType?: string;
  partner?: string;
  subject?: string;
  operation?: string;
}

/**
 * Monitoring of a three-node federation of real node processes, as an operator runs it: a real Prometheus
 * scraping every node each second, the alert expressions evaluated by it, `fedctl doctor`, and the JSON log
 * lines of both ends of one message.
 */
describe('monitoring a federation', () => {
  const dataRoot = tempDataRoot('monitoring');
  const nodes = new Map<Country, RunningNode>();
  const output = new Map<Country, string[]>();
  let prometheus: TestPrometheus;
  const url = (c: Country) => `http://127.0.0.1:${BASE_PORTS[c] + OFFSET}`;
  const token = (country: Country, role: string, subject = `${country}:STAFF:${role}`) => {
    const result = fedctl(['--data-dir', dataRoot, 'token', '--country', country, '--subject', subject, '--role', role]);
    if (result.status !== 0) throw new Error(`fedctl token: ${result.stderr}`);
    return result.stdout.trim();
  };
  const logs = (c: Country): LogLine[] => (output.get(c) ?? []).map((line) => JSON.parse(line) as LogLine);
  const doctor = (...args: string[]) =>
    fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), 'doctor', '--node', 'KZ', ...args]);

  beforeAll(async () => {
    for (const country of Object.keys(BASE_PORTS) as Country[]) {
      const node = await startNode({
        country,
        dataRoot,
        port: BASE_PORTS[country] + OFFSET,
        // KZ at debug: its request lines name the citizen, which the logger must mask.
        env: { LOG_LEVEL: country === 'KZ' ? 'debug' : 'log', PARTNER_PROBE_SECONDS: '1', RATE_LIMIT_PER_MINUTE: '0' },
      });
      const lines: string[] = [];
      let partial = '';
      node.process.stdout?.on('data', (chunk: Buffer) => {
        const text = partial + chunk.toString();
        const complete = text.split('\n');
        partial = complete.pop() ?? '';
        lines.push(...complete.filter((l) => l.length > 0));
      });
      nodes.set(country, node);
      output.set(country, lines);
    }
    const thumbprints = new Map<Country, string[]>();
    for (const c of nodes.keys()) thumbprints.set(c, expectOk(await nodeInfo(url(c))).node.rootKeyThumbprints);
    for (const c of nodes.keys()) {
      const admin = token(c, 'admin');
      for (const partner of nodes.keys()) {
        if (partner === c) continue;
        expectOk(
          await addTrustAnchor(url(c), admin, { country: partner, thumbprints: thumbprints.get(partner) ?? [], baseUrl: url(partner) }),
        );
      }
    }
    prometheus = await TestPrometheus.start({
      dir: `${dataRoot}/prometheus`,
      port: 5960 + PORT_SHIFT,
      targets: [...nodes.keys()].map((c) => `127.0.0.1:${BASE_PORTS[c] + OFFSET}`),
    });
    await waitFor(async () => (await prometheus.query('up{job="ots"} == 1')).length === 3, 30_000, 250);
  });

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([...nodes.values()].map((n) => n.stop()));
  });

  let jti: string;

  it('shows in Prometheus that the delivered-messages counter rose and the backlog went back to zero', async () => {
    await waitFor(
      async () => (await prometheus.value('sum(ots_outbox_backlog{instance=~".*:' + (BASE_PORTS.KZ + OFFSET) + '"})')) === 0,
      30_000,
      250,
    );
    const before = (await prometheus.value(`sum(ots_messages_delivered_total{partner="TR",msg_type="application.submit"})`)) ?? 0;
    const citizen = token('KZ', 'citizen', KZ_CITIZEN);
    const applied = expectOk(
      await graphql<{ applyAbroad: { id: string } }>(url('KZ'), 'mutation Apply($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }', {
        token: citizen,
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] } },
      }),
    );
    expect(applied.applyAbroad.id).toMatch(/^[0-9a-f-]{36}$/);

    await waitFor(
      async () => ((await prometheus.value(`sum(ots_messages_delivered_total{partner="TR",msg_type="application.submit"})`)) ?? 0) > before,
      30_000,
      250,
    );
    await waitFor(async () => (await prometheus.value('sum(ots_outbox_backlog)')) === 0, 30_000, 250);
    const latency = await prometheus.query('ots_message_delivery_seconds_count{partner="TR",msg_type="application.submit"}');
    expect(latency.length).toBe(1);
    await waitFor(
      async () => ((await prometheus.value(`sum(ots_messages_received_total{partner="KZ",msg_type="application.submit"})`)) ?? 0) >= 1,
      15_000,
      250,
    );
    const operations = await prometheus.query('ots_graphql_operation_seconds_count{operation="Apply",outcome="OK"}');
    expect(operations.map((s) => s.metric.instance)).toEqual([`127.0.0.1:${BASE_PORTS.KZ + OFFSET}`]);
    expect(await prometheus.value('sum(ots_trust_anchors{status="active"})')).toBe(6);

    const delivered = logs('KZ').find((l) => l.msg === 'message delivered' && l.msgType === 'application.submit');
    expect(delivered?.jti).toBeDefined();
    jti = delivered?.jti as string;
  });

  it("follows the message through both nodes' JSON logs by its jti and traceparent, and masks every person id", async () => {
    await waitFor(() => logs('TR').some((l) => l.msg === 'message received' && l.jti === jti), 15_000);
    const sent = logs('KZ').find((l) => l.msg === 'message delivered' && l.jti === jti) as LogLine;
    const received = logs('TR').find((l) => l.msg === 'message received' && l.jti === jti) as LogLine;
    expect(sent).toMatchObject({ level: 'info', iss: 'KZ', partner: 'TR' });
    expect(received).toMatchObject({ level: 'info', iss: 'KZ', msgType: 'application.submit' });
    const [, sentTrace, sentSpan] = (sent.traceparent ?? '').split('-');
    const [, receivedTrace] = (received.traceparent ?? '').split('-');
    expect(sentTrace).toMatch(/^[0-9a-f]{32}$/);
    // The traceparent KZ sent is the one TR continued: same trace, TR's span a child of KZ's.
    expect(receivedTrace).toBe(sentTrace);
    expect(received.parentSpanId).toBe(sentSpan);
    // ...and it is the trace of the citizen's request that enqueued the message.
    const request = logs('KZ').find((l) => l.msg === 'request answered' && l.operation === 'Apply');
    expect(request?.traceparent?.split('-')[1]).toBe(sentTrace);
    expect(request?.subject).toBe('KZ:IIN:9001******23');

    for (const country of nodes.keys()) {
      const lines = output.get(country) ?? [];
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        const parsed = JSON.parse(line) as LogLine;
        expect(typeof parsed.level).toBe('string');
        expect(Number.isNaN(Date.parse(parsed.time))).toBe(false);
        expect(line).not.toMatch(/\b[A-Z]{2}:[A-Z]{2,12}:[0-9A-Z]{7,}\b/);
      }
    }
  });

  it('makes fedctl doctor fail, and the unreachable-partner alert expression true in Prometheus, once a partner stops', async () => {
    const healthy = doctor();
    expect(healthy.stdout).toMatch(/^ok {4}partner KG reachable$/m);
    expect(healthy.stdout).toMatch(/^ok {4}database migrations applied$/m);

    await nodes.get('KG')?.stop();
    await waitFor(async () => (await prometheus.query('ots_partner_up == 0')).length === 2, 30_000, 250);
    const alerting = await prometheus.query('ots_partner_up == 0');
    expect(alerting.map((s) => s.metric.partner)).toEqual(['KG', 'KG']);

    const failing = doctor();
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^fail {2}partner KG reachable \(ECONNREFUSED\) {2}-> check that the partner's node runs/m);
    expect(failing.stdout).toMatch(/^ok {4}partner TR reachable$/m);
    const json = JSON.parse(doctor('--json').stdout) as {
      country: string;
      checks: { check: string; status: string; subject: string | null }[];
    };
    expect(json.country).toBe('KZ');
    expect(json.checks.find((c) => c.check === 'partner.reachable' && c.subject === 'KG')?.status).toBe('fail');
  });
});
