import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, nodeInfo } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 500 + PORT_SHIFT;
const PORTS: Record<string, number> = { KZ: 4001 + OFFSET, TR: 4002 + OFFSET, UZ: 4004 + OFFSET };

interface FederatedResult {
  items: { country: string; code: string; name: string; language: string }[];
  partners: { country: string; status: string; version: number | null }[];
}

const federated = async (url: string, filter: Record<string, unknown>, lang: string): Promise<FederatedResult> => {
  const res = await graphql<{ federatedServices: FederatedResult }>(
    url,
    'query F($filter: ServiceFilterInput, $lang: Language) { federatedServices(filter: $filter, lang: $lang) { items { country code name language } partners { country status version } } }',
    { variables: { filter, lang } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.federatedServices;
};

/** The registry across three real nodes that pinned each other with `fedctl trust add`. */
describe('registry across KZ, TR and UZ', () => {
  const dataRoot = tempDataRoot('registry');
  const nodes: Record<string, RunningNode> = {};
  const url = (country: string) => `http://127.0.0.1:${PORTS[country]}`;
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args]);
  const adminToken = (country: string) =>
    cli(['token', '--country', country, '--subject', `${country}:ADMIN:1`, '--role', 'admin']).stdout.trim();

  beforeAll(async () => {
    const started = await Promise.all(
      Object.keys(PORTS).map((country) =>
        startNode({ country, dataRoot, port: PORTS[country] as number, env: { PARTNER_TIMEOUT_MS: '1000', RATE_LIMIT_PER_MINUTE: '0' } }),
      ),
    );
    for (const node of started) nodes[node.country] = node;
    const thumbprints = Object.fromEntries(
      await Promise.all(Object.keys(PORTS).map(async (c) => [c, (await nodeInfo(url(c))).data?.node.rootKeyThumbprints[0]] as const)),
    );
    for (const country of Object.keys(PORTS)) {
      for (const partner of Object.keys(PORTS).filter((p) => p !== country)) {
        const result = cli([
          'trust',
          'add',
          '--node',
          country,
          '--country',
          partner,
          '--thumbprint',
          thumbprints[partner] as string,
          '--from',
          url(partner),
        ]);
        expect(result.status, result.stderr).toBe(0);
      }
    }
  });
  afterAll(async () => Promise.all(Object.values(nodes).map((n) => n.stop())));

  it('answers a federated search with the services of all three, each tagged with its country', async () => {
    const result = await federated(url('KZ'), { category: 'CITIZENSHIP_MIGRATION' }, 'EN');
    expect(result.partners.sort((a, b) => a.country.localeCompare(b.country))).toEqual([
      { country: 'TR', status: 'OK', version: 1 },
      { country: 'UZ', status: 'OK', version: 1 },
    ]);
    expect(new Set(result.items.map((i) => i.country))).toEqual(new Set(['KZ', 'TR', 'UZ']));
    for (const item of result.items) expect(item.code.startsWith(`${item.country}-`)).toBe(true);
  });

  it('searches every catalog in the asked language, case- and diacritic-insensitively', async () => {
    const ru = await federated(url('UZ'), { text: 'ВИД НА ЖИТЕЛЬСТВО' }, 'RU');
    expect([...new Set(ru.items.map((i) => i.country))]).toEqual(expect.arrayContaining(['KZ', 'TR']));
    const tr = await federated(url('KZ'), { text: 'ikamet izni' }, 'TR');
    expect(tr.items.map((i) => i.code)).toContain('TR-RP-WORK');
    const uz = await federated(url('TR'), { text: 'yashash uchun ruxsatnoma' }, 'UZ');
    expect(uz.items.map((i) => i.code)).toEqual(expect.arrayContaining(['UZ-RP-WORK', 'UZ-RP-PERMANENT']));
    expect(uz.items.every((i) => i.language === 'UZ')).toBe(true);
  });

  it('pages through the local catalog with opaque cursors and a maximum page size', async () => {
    const first = await graphql<{
      services: {
        totalCount: number;
        edges: { cursor: string; node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(url('TR'), '{ services(first: 10, lang: KK) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }');
    const page = first.data?.services;
    expect(page?.edges).toHaveLength(10);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const next = await graphql<{ services: { edges: { node: { code: string } }[] } }>(
      url('TR'),
      'query N($after: String) { services(first: 50, after: $after) { edges { node { code } } } }',
      {
        variables: { after: page?.pageInfo.endCursor },
      },
    );
    expect(next.data?.services.edges.length).toBe((page?.totalCount ?? 0) - 10);
    expect(next.data?.services.edges[0]?.node.code).not.toBe(page?.edges[9]?.node.code);
    const tooBig = await graphql(url('TR'), '{ services(first: 51) { totalCount } }');
    expect(tooBig.errors?.[0]?.extensions.code).toBe('PAGE_TOO_LARGE');
    const badCursor = await graphql(url('TR'), '{ services(after: "bm9wZQ") { totalCount } }');
    expect(badCursor.errors?.[0]?.extensions.code).toBe('BAD_CURSOR');
    const badLang = await graphql(url('TR'), '{ services(lang: XX) { totalCount } }');
    expect(badLang.errors?.[0]?.extensions.code).toBe('UNKNOWN_ENUM_VALUE');
  });

  it('serves a signed snapshot that revalidates with a 304 while unchanged', async () => {
    const first = await fetch(`${url('TR')}/registry/snapshot`);
    const etag = first.headers.get('etag') as string;
    const [header] = (await first.text()).split('.');
    expect(JSON.parse(Buffer.from(header as string, 'base64url').toString())).toMatchObject({ typ: 'ots-registry+jwt', alg: 'EdDSA' });
    expect((await fetch(`${url('TR')}/registry/snapshot`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('shows an admin update on TR at KZ after revalidation, and hides a retired service from lists', async () => {
    const token = adminToken('TR');
    const definition = {
      code: 'TR-EDU-NOMAD',
      category: 'education',
      lifeEvents: ['studying-abroad'],
      audiences: ['foreign-citizen'],
      crossBorder: ['KZ', 'UZ'],
      requiredEvidence: ['identity-attestation'],
      fee: { amount: 0, currency: 'TRY' },
      processingDays: 10,
      legalBasis: 'Higher Education Law No. 2547',
      onlineLevel: 'transaction',
      responsibleAuthority: 'Council of Higher Education',
    };
    const texts = {
      en: {
        name: 'Türkiye Scholarships exchange semester',
        description: 'A semester of study in Türkiye for students of OTS universities.',
      },
    };
    const localSearch = async () =>
      (
        await graphql<{ services: { totalCount: number } }>(
          url('TR'),
          '{ services(filter: {text: "exchange semester"}, lang: EN) { totalCount } }',
        )
      ).data?.services.totalCount;
    expect(await localSearch()).toBe(0);
    expect(await localSearch()).toBe(0); // answered from the response cache
    const added = await graphql<{ addService: { code: string; retired: boolean } }>(
      url('TR'),
      'mutation A($d: JSON!, $t: JSON!) { addService(definition: $d, texts: $t) { code retired } }',
      {
        token,
        variables: { d: definition, t: texts },
      },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addService).toEqual({ code: 'TR-EDU-NOMAD', retired: false });
    expect(await localSearch()).toBe(1); // a new registry version, so a new cache entry

    // KZ may use its copy for the snapshot's max-age (5 s), then revalidates and sees the new version.
    let seen = await federated(url('KZ'), { text: 'exchange semester' }, 'KK');
    await waitFor(async () => (seen = await federated(url('KZ'), { text: 'exchange semester' }, 'KK')).items.length > 0, 10_000, 250);
    expect(seen.items).toEqual([{ country: 'TR', code: 'TR-EDU-NOMAD', name: 'Türkiye Scholarships exchange semester', language: 'EN' }]);
    expect(seen.partners.find((p) => p.country === 'TR')?.version).toBe(2);

    const duplicate = await graphql(url('TR'), 'mutation A($d: JSON!, $t: JSON!) { addService(definition: $d, texts: $t) { code } }', {
      token,
      variables: { d: definition, t: texts },
    });
    expect(duplicate.errors?.[0]?.extensions.code).toBe('SERVICE_EXISTS');
    const invalid = await graphql(url('TR'), 'mutation A($d: JSON!, $t: JSON!) { addService(definition: $d, texts: $t) { code } }', {
      token,
      variables: {
        d: { ...definition, code: 'TR-EDU-OTHER', fee: { amount: -5, currency: 'TRY' } },
        t: { ...texts, kk: { name: '', description: 'Алмасу семестрі' } },
      },
      lang: 'en',
    });
    expect(invalid.errors?.[0]?.extensions.code).toBe('INVALID_SERVICE');
    expect(invalid.errors?.[0]?.message).toContain('fee.amount');
    // Every refused field at once, by path, so that a form (the console's Registry page) marks each.
    expect(invalid.errors?.[0]?.extensions.detail).toBe('fee.amount: must not be negative; texts.kk.name: is empty');
    const citizen = cli(['token', '--country', 'TR', '--subject', 'TR:TCKN:10000000146', '--role', 'citizen']).stdout.trim();
    const forbidden = await graphql(url('TR'), 'mutation { retireService(code: "TR-EDU-NOMAD") { code } }', { token: citizen });
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const retired = await graphql<{ retireService: { retired: boolean } }>(
      url('TR'),
      'mutation { retireService(code: "TR-EDU-NOMAD") { retired } }',
      { token },
    );
    expect(retired.data?.retireService.retired).toBe(true);
    await waitFor(async () => (await federated(url('KZ'), { text: 'exchange semester' }, 'EN')).items.length === 0, 10_000, 250);
    const byCode = await graphql<{ service: { code: string; retired: boolean } }>(
      url('TR'),
      '{ service(code: "TR-EDU-NOMAD") { code retired } }',
    );
    expect(byCode.data?.service).toEqual({ code: 'TR-EDU-NOMAD', retired: true });
  });

  it('does not ask a suspended partner', async () => {
    expect(cli(['trust', 'suspend', '--node', 'KZ', '--country', 'UZ']).status).toBe(0);
    const result = await federated(url('KZ'), {}, 'EN');
    expect(result.partners.map((p) => p.country)).toEqual(['TR']);
    expect(result.items.some((i) => i.country === 'UZ')).toBe(false);
    expect(cli(['trust', 'reactivate', '--node', 'KZ', '--country', 'UZ']).status).toBe(0);
  });

  it('refuses queries that are too deep, use too many aliases or cost too much, each with its code', async () => {
    const deep = await graphql(url('KZ'), '{ node { a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors?.map((e) => e.extensions.code)).toContain('QUERY_TOO_DEEP');
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: node { country }`).join(' ');
    expect((await graphql(url('KZ'), `{ ${aliases} }`)).errors?.map((e) => e.extensions.code)).toContain('TOO_MANY_ALIASES');
    const fields =
      'code name description category lifeEvents audiences crossBorder requiredEvidence processingDays legalBasis onlineLevel responsibleAuthority retired language country';
    const costly = Array.from(
      { length: 10 },
      (_, i) => `p${i}: services(first: 50) { edges { cursor node { ${fields} fee { amount currency } } } }`,
    ).join(' ');
    const complex = await graphql(url('KZ'), `{ ${costly} }`, { lang: 'ru' });
    expect(complex.errors?.map((e) => e.extensions.code)).toContain('QUERY_TOO_COMPLEX');
    expect(complex.errors?.[0]?.message).toMatch(/Стоимость запроса/);
  });

  it('keeps answering when a partner is down, from its cached snapshot, within the timeout', async () => {
    await federated(url('KZ'), {}, 'EN');
    await nodes.UZ?.stop();
    // Past the snapshot's max-age KZ must ask UZ again, and falls back on its cached copy: every answer meanwhile
    // comes within the partner timeout.
    let slowest = 0;
    await waitFor(
      async () => {
        const asked = Date.now();
        const answer = await federated(url('KZ'), { category: 'TAX_FINANCE' }, 'EN');
        slowest = Math.max(slowest, Date.now() - asked);
        return answer.partners.find((p) => p.country === 'UZ')?.status === 'STALE_CACHE';
      },
      15_000,
      200,
    );
    expect(slowest).toBeLessThan(1500);
    const started = Date.now();
    const result = await federated(url('KZ'), { category: 'TAX_FINANCE' }, 'EN');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.partners.find((p) => p.country === 'UZ')?.status).toBe('STALE_CACHE');
    expect(result.partners.find((p) => p.country === 'TR')?.status).toBe('OK');
    expect(result.items.some((i) => i.country === 'UZ')).toBe(true);
    const fromTr = await federated(url('TR'), { category: 'TAX_FINANCE' }, 'EN');
    expect(fromTr.partners.find((p) => p.country === 'UZ')?.status).toBe('STALE_CACHE');
  });
});
