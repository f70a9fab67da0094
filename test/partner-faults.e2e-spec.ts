import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';
import { allNodes, graphql } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const PORT = { KZ: 5361 + PORT_SHIFT, TR: 5362 + PORT_SHIFT, PROXY: 5363 + PORT_SHIFT };
const FORM = { purpose: 'Seasonal engineering work', intendedStayMonths: 6, permitKind: 'first' };
const CITIZEN = 'KZ:IIN:900101300123';
/** Applications sent into each fault: enough that the sender is busy with retries while the latency is taken. */
const PER_FAULT = 4;
const MAX_ATTEMPTS = 3;
const DELIVER_TIMEOUT_MS = 1500;

interface OutboxRow {
  id: string;
  jti: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** libfaketime, preloaded into the node itself (the `faketime` wrapper forks, and a signal would miss the node). */
function clockAhead(offset: string): NodeJS.ProcessEnv {
  const library = readdirSync('/usr/lib')
    .map((dir) => join('/usr/lib', dir, 'faketime/libfaketimeMT.so.1'))
    .find((file) => existsSync(file));
  if (!library) throw new Error('libfaketime is not installed (Debian package faketime; .ci/run installs it)');
  return { LD_PRELOAD: library, FAKETIME: offset, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

/**
 * KZ sends applications to TR through a proxy that misbehaves the way partners and networks do. For every fault:
 * each message is retried with backoff and parked as dead with a reason an admin can read, the node's registry
 * answers as fast as before, and once the fault is gone an admin's retry delivers every message exactly once.
 */
describe('a partner that misbehaves', () => {
  const dataRoot = tempDataRoot('partner-faults');
  const common = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_DELIVER_PER_MINUTE: '0', LOG_LEVEL: 'error' };
  const kzEnv = {
    ...common,
    OUTBOX_BASE_DELAY_MS: '200',
    OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    DELIVER_TIMEOUT_MS: String(DELIVER_TIMEOUT_MS),
  };
  // TR announces the proxy as its address: KZ reaches it only through the faults.
  const trEnv = { ...common, PUBLIC_BASE_URL: `http://127.0.0.1:${PORT.PROXY}` };
  const kzUrl = `http://127.0.0.1:${PORT.KZ}`;
  const trUrl = `http://127.0.0.1:${PORT.TR}`;
  const nodes: Partial<Record<'KZ' | 'TR', RunningNode>> = {};
  let proxy: FaultProxy;
  const submitted: string[] = [];
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, ...args]);
  const token = (country: string, subject: string, role: string) =>
    cli(['token', '--country', country, '--subject', subject, '--role', role]).stdout.trim();
  let citizen: string;
  let kzAdmin: string;
  let trAdmin: string;

  const outbox = (): Promise<OutboxRow[]> => allNodes<OutboxRow>(kzUrl, 'outbox', 'id jti status attempts lastError', { token: kzAdmin });
  const submit = async (count: number): Promise<string[]> => {
    const before = new Set((await outbox()).map((m) => m.id));
    await Promise.all(
      Array.from({ length: count }, async () => {
        const res = await graphql<{ applyAbroad: { id: string } }>(
          kzUrl,
          'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
          { token: citizen, variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } } },
        );
        if (!res.data) throw new Error(JSON.stringify(res.errors));
        submitted.push(res.data.applyAbroad.id);
      }),
    );
    return (await outbox()).filter((m) => !before.has(m.id)).map((m) => m.id);
  };
  const rows = async (ids: string[]) => (await outbox()).filter((m) => ids.includes(m.id));
  const waitUntil = async (ids: string[], status: string, timeoutMs: number) =>
    waitFor(async () => (await rows(ids)).every((m) => m.status === status), timeoutMs, 200);
  /** Median time of a registry query that runs (a token bypasses the public response cache), in ms. */
  const registryLatency = async (): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      const res = await graphql(kzUrl, '{ services(first: 20) { totalCount edges { node { code } } } }', { token: citizen });
      expect(res.errors).toBeUndefined();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[10] as number;
  };
  const retry = async (ids: string[]) => {
    for (const id of ids) {
      const res = await graphql(kzUrl, 'mutation($id: String!) { retryMessage(id: $id) { status } }', {
        token: kzAdmin,
        variables: { id },
      });
      expect(res.errors).toBeUndefined();
    }
  };
  const startTr = async (env: NodeJS.ProcessEnv = {}) =>
    (nodes.TR = await startNode({ country: 'TR', dataRoot, port: PORT.TR, env: { ...trEnv, ...env } }));

  beforeAll(async () => {
    proxy = await faultProxy(PORT.PROXY, PORT.TR);
    const [kz] = await Promise.all([startNode({ country: 'KZ', dataRoot, port: PORT.KZ, env: kzEnv }), startTr()]);
    nodes.KZ = kz;
    const thumbprint = async (url: string) =>
      (await graphql<{ node: { rootKeyThumbprints: string[] } }>(url, '{ node { rootKeyThumbprints } }')).data?.node
        .rootKeyThumbprints[0] as string;
    for (const [node, partner, from] of [
      [kzUrl, 'TR', proxy.url],
      [trUrl, 'KZ', kzUrl],
    ] as const) {
      const added = cli(['trust', 'add', '--node', node, '--country', partner, '--thumbprint', await thumbprint(from), '--from', from]);
      expect(added.status, added.stderr).toBe(0);
    }
    citizen = token('KZ', CITIZEN, 'citizen');
    kzAdmin = token('KZ', 'KZ:ADMIN:1', 'admin');
    trAdmin = token('TR', 'TR:ADMIN:1', 'admin');
  });
  afterAll(async () => {
    await Promise.all(Object.values(nodes).map((n) => n?.stop()));
    await proxy?.close();
  });

  it('delivers through the proxy when it does nothing (and the proxy keeps a receipt for later)', async () => {
    const ids = await submit(1);
    await waitUntil(ids, 'DELIVERED', 20_000);
  });

  const FAULTS: [Fault, RegExp][] = [
    [
      'delay',
      new RegExp(`^PARTNER_UNREACHABLE: TR at http://127\\.0\\.0\\.1:${PORT.PROXY}/graphql: no answer within ${DELIVER_TIMEOUT_MS} ms`),
    ],
    ['hang', new RegExp(`^PARTNER_UNREACHABLE: TR at .*: no answer within ${DELIVER_TIMEOUT_MS} ms`)],
    ['reset', /^PARTNER_UNREACHABLE: TR at .*: (socket hang up|read ECONNRESET)/],
    ['html', /^PARTNER_BAD_ANSWER: \(HTTP 200\): answered HTTP 200 text\/html, not a GraphQL answer$/],
    ['500', /^PARTNER_BAD_ANSWER: \(HTTP 500\): answered HTTP 500 text\/plain, not a GraphQL answer$/],
    ['bad-json', /^PARTNER_BAD_ANSWER: \(HTTP 200\): answered HTTP 200 application\/json, not a GraphQL answer$/],
    ['wrong-key', /^BAD_RECEIPT: .*signature/],
    ['other-receipt', /^BAD_RECEIPT: the receipt is not for this message$/],
  ];

  it.each(FAULTS)(
    'parks each message met by "%s" with its reason, unharmed, and delivers it once when retried',
    async (fault, reason) => {
      const before = await registryLatency();
      await proxy.set(fault);
      const calls = await proxy.deliverCalls();
      const ids = await submit(PER_FAULT);
      expect(ids).toHaveLength(PER_FAULT);
      const during = await registryLatency();
      await waitUntil(ids, 'DEAD', 30_000);
      for (const message of await rows(ids)) {
        expect(message.attempts).toBe(MAX_ATTEMPTS);
        expect(message.lastError).toMatch(reason);
      }
      // Every attempt reached the partner's side of the network: retried, not given up on at the first failure.
      expect((await proxy.deliverCalls()) - calls).toBeGreaterThanOrEqual(PER_FAULT * MAX_ATTEMPTS);
      // The machine's own load moves from second to second: the reference is the slower of just before the fault and
      // just after its retries ended, and a few tens of ms either way are noise. A node blocked by the fault would
      // answer in seconds.
      const reference = Math.max(before, await registryLatency());
      expect(during).toBeLessThanOrEqual(Math.max(2 * reference, reference + 50));

      await proxy.set('pass');
      await retry(ids);
      await waitUntil(ids, 'DELIVERED', 20_000);
    },
    120_000,
  );

  it('parks messages to a partner whose clock runs 10 minutes ahead, saying so, and delivers them once it is right', async () => {
    await nodes.TR?.stop();
    await startTr(clockAhead('+10m'));
    const ids = await submit(2);
    await waitUntil(ids, 'DEAD', 60_000);
    for (const message of await rows(ids))
      expect(message.lastError).toMatch(/^MESSAGE_EXPIRED: .*\(the partner's clock is (59[89]|60[012]) s ahead of this node's\)$/);
    await nodes.TR?.stop();
    await startTr();
    await retry(ids);
    await waitUntil(ids, 'DELIVERED', 20_000);
  }, 180_000);

  it('lost and doubled nothing: every application arrived exactly once', async () => {
    const all = await outbox();
    expect(all.filter((m) => m.status !== 'DELIVERED')).toEqual([]);
    expect(all).toHaveLength(submitted.length);
    const officer = token('TR', 'TR:OFFICER:1', 'officer');
    const cases = await allNodes<{ id: string }>(trUrl, 'cases', 'id', { token: officer });
    expect(cases.map((c) => c.id).sort()).toEqual([...submitted].sort());
    const log = await allNodes<{ action: string; details: string }>(trUrl, 'auditLog', 'action details', { token: trAdmin });
    expect(log.filter((e) => e.action === 'message.received' && e.details.includes('application.submit'))).toHaveLength(submitted.length);
  });
});
