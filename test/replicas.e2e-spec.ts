import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTarget, POSTGRES_URL } from './support/databases.js';
import { encryptionKeyOf, sealedMessage, signerOf } from './support/envelopes.js';
import { allNodes, graphql } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';
import { roundRobinProxy } from './support/round-robin-proxy.js';

const OFFSET = 250 + PORT_SHIFT;
const COUNT = 200;
const FORM = { purpose: 'Research stay', intendedStayMonths: 3, permitKind: 'first' };

/** Two TR replicas on one PostgreSQL database behind one address share inbox and outbox: nothing doubled. */
describe.runIf(Boolean(POSTGRES_URL))('two TR replicas on PostgreSQL', () => {
  const dataRoot = tempDataRoot('replicas');
  const env = {
    OUTBOX_BASE_DELAY_MS: '100',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
    PUBLIC_BASE_URL: `http://127.0.0.1:${4002 + OFFSET}`,
  };
  const running: RunningNode[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobinProxy>>;
  let database: Awaited<ReturnType<typeof postgresTarget>>;
  const kzUrl = `http://127.0.0.1:${4001 + OFFSET}`;
  const replicaUrls = [`http://127.0.0.1:${4102 + OFFSET}`, `http://127.0.0.1:${4202 + OFFSET}`];
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, ...args]);
  const token = (country: string, subject: string, role: string) =>
    cli(['token', '--country', country, '--subject', subject, '--role', role]).stdout.trim();

  beforeAll(async () => {
    database = await postgresTarget();
    running.push(
      await startNode({
        country: 'KZ',
        dataRoot,
        port: 4001 + OFFSET,
        env: { OUTBOX_BASE_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' },
      }),
    );
    for (const port of [4102 + OFFSET, 4202 + OFFSET])
      running.push(await startNode({ country: 'TR', dataRoot, port, env: { ...env, DATABASE_URL: database.databaseUrl } }));
    proxy = await roundRobinProxy(4002 + OFFSET, [4102 + OFFSET, 4202 + OFFSET]);
    const thumbprint = async (url: string) =>
      (await graphql<{ node: { rootKeyThumbprints: string[] } }>(url, '{ node { rootKeyThumbprints } }')).data?.node
        .rootKeyThumbprints[0] as string;
    const pinned = cli([
      'trust',
      'add',
      '--node',
      kzUrl,
      '--country',
      'TR',
      '--thumbprint',
      await thumbprint(proxy.url),
      '--from',
      proxy.url,
    ]);
    expect(pinned.status, pinned.stderr).toBe(0);
    expect(
      cli(['trust', 'add', '--node', replicaUrls[0] as string, '--country', 'KZ', '--thumbprint', await thumbprint(kzUrl), '--from', kzUrl])
        .status,
    ).toBe(0);
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all(running.map((n) => n.stop()));
    await database?.drop();
  });

  it('receive 200 applications and send 200 answers with none doubled', async () => {
    const citizen = token('KZ', 'KZ:IIN:900101300123', 'citizen');
    for (let i = 0; i < COUNT; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const res = await graphql(kzUrl, 'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }', {
            token: citizen,
            variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
          });
          expect(res.errors).toBeUndefined();
        }),
      );
    }
    const kzAdmin = token('KZ', 'KZ:ADMIN:1', 'admin');
    const trAdmin = token('TR', 'TR:ADMIN:1', 'admin');
    const count = async (url: string, admin: string, status: string) =>
      (
        await allNodes<{ jti: string }>(url, 'outbox', 'jti', {
          token: admin,
          args: 'filter: { status: $s }',
          variableDefinitions: '$s: MessageStatus',
          variables: { s: status },
        })
      ).length;
    await waitFor(
      async () =>
        (await count(kzUrl, kzAdmin, 'DELIVERED')) === COUNT && (await count(replicaUrls[0] as string, trAdmin, 'DELIVERED')) === COUNT,
      90_000,
      500,
    );
    expect(await count(replicaUrls[1] as string, trAdmin, 'DEAD')).toBe(0);

    const officer = token('TR', 'TR:OFFICER:1', 'officer');
    const cases = await allNodes<{ id: string }>(replicaUrls[1] as string, 'cases', 'id', { token: officer });
    expect(cases).toHaveLength(COUNT);
    const applications = await allNodes<{ status: string }>(kzUrl, 'myApplications', 'status', { token: citizen });
    expect(applications).toHaveLength(COUNT);
    expect(applications.every((a) => a.status === 'UNDER_REVIEW')).toBe(true);
    const kzLog = await allNodes<{ action: string; details: string }>(kzUrl, 'auditLog', 'action details', { token: kzAdmin });
    expect(kzLog.filter((e) => e.action === 'message.received' && e.details.includes('application.status'))).toHaveLength(COUNT);
  });

  it('processes one message delivered to both replicas at once exactly once, with one receipt', async () => {
    const signer = signerOf(dataRoot, 'KZ');
    const key = await encryptionKeyOf(replicaUrls[0] as string);
    const trAdmin = token('TR', 'TR:ADMIN:1', 'admin');
    for (let i = 0; i < 20; i += 1) {
      const jti = `twin-${i}-${Date.now()}`;
      const message = await sealedMessage({
        from: 'KZ',
        to: 'TR',
        signer,
        recipientKey: key,
        msgType: 'tax.tin-verification',
        body: { kind: 'request', requestId: crypto.randomUUID(), tin: '1234567890' },
        jti,
      });
      const [a, b] = await Promise.all(
        replicaUrls.map((url) =>
          graphql<{ deliver: string }>(url, 'mutation($m: String!) { deliver(message: $m) }', { variables: { m: message } }),
        ),
      );
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data?.deliver).toBe(b.data?.deliver);
    }
    const log = await allNodes<{ action: string; subject: string }>(replicaUrls[0] as string, 'auditLog', 'action subject', {
      token: trAdmin,
    });
    const twins = log.filter((e) => e.action === 'message.received' && e.subject.startsWith('twin-'));
    expect(twins).toHaveLength(20);
    expect(cli(['audit', 'verify', '--node', replicaUrls[1] as string]).status).toBe(0);
  });
});
