import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql, nodesOf, type Connection } from './support/graphql.js';
import { fedctl, tempDataRoot, PORT_SHIFT } from './support/processes.js';

/** Tax certificates and taxpayer checks between KG and UZ, and the demo of both scenarios, on real nodes. */
describe('cross-border tax services', () => {
  let federation: TestFederation;

  beforeAll(async () => {
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('tax'),
      portOffset: 410 + PORT_SHIFT,
      countries: ['KZ', 'TR', 'KG', 'UZ'],
      env: { RATE_LIMIT_PER_MINUTE: '0' },
    });
  });
  afterAll(async () => federation?.down());

  it('delivers a KG tax residence certificate to UZ, and answers a taxpayer check with only valid and resident', async () => {
    const kgCitizen = federation.token('KG', 'citizen', 'KG:PIN:21203199000123');
    const issued = expectOk(
      await graphql<{ requestTaxResidenceCertificate: { jti: string } }>(
        federation.url('KG'),
        'mutation { requestTaxResidenceCertificate(year: 2025, forCountry: "UZ") { jti } }',
        { token: kgCitizen },
      ),
    );
    const uzOfficer = federation.token('UZ', 'officer', 'UZ:OFFICER:1');
    await eventually(async () =>
      (await allNodes<{ jti: string }>(federation.url('UZ'), 'receivedTaxCertificates', 'jti', { token: uzOfficer })).some(
        (c) => c.jti === issued.requestTaxResidenceCertificate.jti,
      ),
    );
    const notResident = await graphql(
      federation.url('KG'),
      'mutation { requestTaxResidenceCertificate(year: 2025, forCountry: "UZ") { jti } }',
      { token: federation.token('KG', 'citizen', 'KG:PIN:21111199500345') },
    );
    expect(notResident.errors?.[0]?.extensions.code).toBe('NOT_RESIDENT');

    const check = expectOk(
      await graphql<{ verifyTaxpayer: Record<string, unknown> }>(
        federation.url('UZ'),
        'mutation { verifyTaxpayer(country: "KG", tin: "21203199000123") { status valid resident } }',
        { token: uzOfficer },
      ),
    );
    expect(check.verifyTaxpayer).toEqual({ status: 'ANSWERED', valid: true, resident: true });
    const unknown = expectOk(
      await graphql<{ verifyTaxpayer: Record<string, unknown> }>(
        federation.url('UZ'),
        'mutation { verifyTaxpayer(country: "KG", tin: "00000000000000") { status valid resident } }',
        { token: uzOfficer },
      ),
    );
    expect(unknown.verifyTaxpayer).toEqual({ status: 'ANSWERED', valid: false, resident: false });
  });

  it('checks a list of taxpayer numbers in one call, each as its own message, and counts every message on both sides', async () => {
    const uzOfficer = federation.token('UZ', 'officer', 'UZ:OFFICER:1');
    const counts = async (country: string) =>
      expectOk(
        await graphql<{ messageCounts: Record<string, number> }>(
          federation.url(country),
          '{ messageCounts { pending delivered dead received } }',
          { token: federation.token(country, 'admin', `${country}:ADMIN:1`) },
        ),
      ).messageCounts;
    // Earlier tests' messages settle first, so the counts below move by this test's messages alone.
    await eventually(async () => (await counts('UZ')).pending === 0 && (await counts('KG')).pending === 0);
    const [uzBefore, kgBefore] = [await counts('UZ'), await counts('KG')];
    const tins = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? '00000000000000' : '21203199000123'));
    const { verifyTaxpayers } = expectOk(
      await graphql<{ verifyTaxpayers: { requestId: string; status: string }[] }>(
        federation.url('UZ'),
        'mutation($t: [String!]!) { verifyTaxpayers(country: "KG", tins: $t) { requestId status } }',
        { token: uzOfficer, variables: { t: tins } },
      ),
    );
    expect(verifyTaxpayers).toHaveLength(40);
    expect(new Set(verifyTaxpayers.map((c) => c.requestId)).size).toBe(40);
    const checks = async () => {
      const page = nodesOf(
        expectOk(
          await graphql<{ taxpayerChecks: Connection<{ requestId: string; status: string; valid: boolean | null }> }>(
            federation.url('UZ'),
            'query($r: [String!]!) { taxpayerChecks(filter: { requestIds: $r }, first: 40) { edges { node { requestId status valid } } } }',
            { token: uzOfficer, variables: { r: verifyTaxpayers.map((c) => c.requestId) } },
          ),
        ).taxpayerChecks,
      );
      const byId = new Map(page.map((c) => [c.requestId, c]));
      return verifyTaxpayers.map((asked) => byId.get(asked.requestId));
    };
    await eventually(async () => (await checks()).every((c) => c?.status === 'ANSWERED'));
    expect((await checks()).map((c) => c?.valid)).toEqual(tins.map((tin) => tin !== '00000000000000'));
    const stillPending = await graphql<{ taxpayerChecks: Connection<unknown> }>(
      federation.url('UZ'),
      '{ taxpayerChecks(filter: { country: "KG", status: PENDING }) { edges { cursor } } }',
      { token: uzOfficer },
    );
    expect(expectOk(stillPending).taxpayerChecks.edges).toEqual([]);
    await eventually(async () => (await counts('KG')).delivered === kgBefore.delivered + 40);
    expect(await counts('UZ')).toEqual({ ...uzBefore, delivered: uzBefore.delivered + 40, received: uzBefore.received + 40 });
    expect(await counts('KG')).toEqual({ ...kgBefore, delivered: kgBefore.delivered + 40, received: kgBefore.received + 40 });

    const refused = async (query: string, variables: Record<string, unknown>) =>
      (await graphql(federation.url('UZ'), query, { token: uzOfficer, variables })).errors?.[0]?.extensions.code;
    const batch = 'mutation($t: [String!]!) { verifyTaxpayers(country: "KG", tins: $t) { requestId } }';
    expect(await refused(batch, { t: [] })).toBe('BAD_INPUT');
    expect(await refused(batch, { t: Array.from({ length: 1001 }, () => '1') })).toBe('BAD_INPUT');
    expect(await refused('query($r: [String!]!) { taxpayerChecks(filter: { requestIds: $r }) { edges { cursor } } }', { r: ['x'] })).toBe(
      'BAD_INPUT',
    );
    expect(await refused('{ messageCounts { pending } }', {})).toBe('FORBIDDEN');
    expect((await counts('UZ')).pending).toBe(0);
  });

  it('plays both scenarios with `fedctl demo`, narrated in the chosen language', () => {
    const demo = federation.fedctl(['demo', '--lang', 'ru']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('TR подписал квитанцию');
    // The narration shows the protocol's values, as before the schema had enums.
    expect(demo.stdout).toContain('identity-attestation=OK');
    expect(demo.stdout).toContain('income-statement');
    expect(demo.stdout.trim().split('\n').at(-1)).toBe('• Все шаги выполнены успешно.');
    const nowhere = fedctl(['--data-dir', federation.dataRoot, '--port-offset', '59000', 'demo']);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stdout).toMatch(/Step failed: cannot reach http:\/\/127\.0\.0\.1:\d+\/graphql/);
  });
});
