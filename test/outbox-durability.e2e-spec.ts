import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, graphql } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 300 + PORT_SHIFT;
const PORT = { KZ: 4001 + OFFSET, TR: 4002 + OFFSET };
const CITIZENS = ['KZ:IIN:900101300123', 'KZ:IIN:850515400234', 'KZ:IIN:920303500345'];
const FORM = { purpose: 'Seasonal engineering work', intendedStayMonths: 6, permitKind: 'first' };
const COUNT = 100;

/** A partner killed (SIGKILL) while 100 applications are in flight: every one arrives exactly once. */
describe('the outbox across crashes', () => {
  const dataRoot = tempDataRoot('durability');
  const env = { OUTBOX_BASE_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' };
  const nodes: Partial<Record<'KZ' | 'TR', RunningNode>> = {};
  const url = (c: 'KZ' | 'TR') => `http://127.0.0.1:${PORT[c]}`;
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, ...args]);
  const token = (country: string, subject: string, role: string) =>
    cli(['token', '--country', country, '--subject', subject, '--role', role]).stdout.trim();
  const start = async (country: 'KZ' | 'TR') => (nodes[country] = await startNode({ country, dataRoot, port: PORT[country], env }));
  const kill = async (country: 'KZ' | 'TR') => {
    const node = nodes[country] as RunningNode;
    node.process.kill('SIGKILL');
    await new Promise((r) => node.process.once('exit', r));
  };

  beforeAll(async () => {
    await Promise.all([start('KZ'), start('TR')]);
    for (const [node, partner] of [
      ['KZ', 'TR'],
      ['TR', 'KZ'],
    ] as const) {
      const thumbprint = (await graphql<{ node: { rootKeyThumbprints: string[] } }>(url(partner), '{ node { rootKeyThumbprints } }')).data
        ?.node.rootKeyThumbprints[0] as string;
      expect(
        cli(['trust', 'add', '--node', url(node), '--country', partner, '--thumbprint', thumbprint, '--from', url(partner)]).status,
      ).toBe(0);
    }
  });
  afterAll(async () => Promise.all(Object.values(nodes).map((n) => n?.stop())));

  it('delivers every application exactly once through a partner crash and a sender crash', async () => {
    const tokens = CITIZENS.map((s) => token('KZ', s, 'citizen'));
    const ids: string[] = [];
    const submit = async (i: number) => {
      const res = await graphql<{ applyAbroad: { id: string } }>(
        url('KZ'),
        'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
        {
          token: tokens[i % tokens.length],
          variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
        },
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      ids.push(res.data.applyAbroad.id);
    };
    for (let i = 0; i < 30; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => submit(i + j)));
    await kill('TR');
    for (let i = 30; i < COUNT; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => submit(i + j)));
    await kill('KZ');
    await Promise.all([start('KZ'), start('TR')]);

    const kzAdmin = token('KZ', 'KZ:ADMIN:1', 'admin');
    const trAdmin = token('TR', 'TR:ADMIN:1', 'admin');
    const outbox = async (url: string, admin: string, status: string) =>
      (
        await allNodes<{ jti: string }>(url, 'outbox', 'jti', {
          token: admin,
          args: 'filter: { status: $s }',
          variableDefinitions: '$s: MessageStatus',
          variables: { s: status },
        })
      ).length;
    await waitFor(
      async () => (await outbox(url('KZ'), kzAdmin, 'DELIVERED')) === COUNT && (await outbox(url('TR'), trAdmin, 'DELIVERED')) === COUNT,
      90_000,
      500,
    );
    expect(await outbox(url('KZ'), kzAdmin, 'DEAD')).toBe(0);
    expect(await outbox(url('TR'), trAdmin, 'DEAD')).toBe(0);

    const officer = token('TR', 'TR:OFFICER:1', 'officer');
    const cases = await allNodes<{ id: string; status: string }>(url('TR'), 'cases', 'id status', { token: officer });
    expect(cases).toHaveLength(COUNT);
    expect(new Set(cases.map((c) => c.id))).toEqual(new Set(ids));
    const log = await allNodes<{ action: string; details: string }>(url('TR'), 'auditLog', 'action details', { token: trAdmin });
    expect(log.filter((e) => e.action === 'message.received' && e.details.includes('application.submit'))).toHaveLength(COUNT);

    const applications = await Promise.all(
      tokens.map(async (t) => await allNodes<{ id: string; status: string }>(url('KZ'), 'myApplications', 'id status', { token: t })),
    );
    const all = applications.flat();
    expect(all).toHaveLength(COUNT);
    expect(all.every((a) => a.status === 'UNDER_REVIEW')).toBe(true);
  });
});
