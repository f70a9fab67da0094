import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, send } from './support/http-client.js';
import { fedctl, startNode, tempDataRoot, type RunningNode, PORT_SHIFT } from './support/processes.js';

const PORT = 4010 + 800 + PORT_SHIFT;
const CLASS_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '3',
  RATE_LIMIT_CATALOG_PER_MINUTE: '4',
  RATE_LIMIT_FEDERATED_SEARCH_PER_MINUTE: '1',
  RATE_LIMIT_VERIFY_PER_MINUTE: '5',
  RATE_LIMIT_DELIVER_PER_MINUTE: '2',
  RATE_LIMIT_SNAPSHOT_PER_MINUTE: '1',
  RATE_LIMIT_STATUS_LIST_PER_MINUTE: '1',
  RATE_LIMIT_WELL_KNOWN_PER_MINUTE: '2',
};

/** Abuse of a real node process: what a caller without a verified token can and cannot make it do. */
describe('the per-address limits of a node process', () => {
  const dataRoot = tempDataRoot('abuse');
  let node: RunningNode;
  let adminToken: string;
  const nodeQuery = '{ node { country } }';

  beforeAll(async () => {
    node = await startNode({ country: 'TR', dataRoot, port: PORT, env: CLASS_LIMITS });
    adminToken = fedctl(['--data-dir', dataRoot, 'token', '--country', 'TR', '--subject', 'TR:ADMIN:1', '--role', 'admin']).stdout.trim();
  });
  afterAll(async () => node?.stop());

  it('counts requests whose bearer token does not verify, and refuses them once the limit is spent', async () => {
    const from = { localAddress: '127.0.0.11', headers: { authorization: 'Bearer x', 'accept-language': 'tr' } };
    for (let i = 0; i < 3; i += 1) expect((await postGraphql(node.url, nodeQuery, from)).status).toBe(200);
    const limited = await postGraphql(node.url, nodeQuery, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const error = limited.json<{ errors: { extensions: { code: string }; message: string }[] }>().errors[0];
    expect(error?.extensions.code).toBe('RATE_LIMITED');
    expect(error?.message).toMatch(/saniye/);
    const otherScheme = await postGraphql(node.url, nodeQuery, { localAddress: '127.0.0.11', headers: { authorization: 'Basic dTpw' } });
    expect(otherScheme.status).toBe(429);
    expect((await postGraphql(node.url, nodeQuery, { localAddress: '127.0.0.12' })).status).toBe(200);
  });

  it('spares a caller whose token verified, however many requests it sends', async () => {
    const from = { localAddress: '127.0.0.13', headers: { authorization: `Bearer ${adminToken}` } };
    for (let i = 0; i < 5; i += 1) {
      const answer = await postGraphql(node.url, '{ messageCounts { pending } }', from);
      expect(answer.status).toBe(200);
      expect(answer.json<{ data: { messageCounts: { pending: number } } }>().data.messageCounts.pending).toBe(0);
    }
  });

  it('refuses a forged or expired token UNAUTHENTICATED where one is needed, and counts it', async () => {
    const forged = `${adminToken.slice(0, -6)}AAAAAA`;
    const from = { localAddress: '127.0.0.14', headers: { authorization: `Bearer ${forged}` } };
    for (let i = 0; i < 3; i += 1) {
      const answer = await postGraphql(node.url, '{ messageCounts { pending } }', from);
      expect(answer.json<{ data: null; errors: { extensions: { code: string } }[] }>()).toMatchObject({
        data: null,
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    expect((await postGraphql(node.url, '{ messageCounts { pending } }', from)).status).toBe(429);
  });

  it('gives each costly operation its own budget, counted by its cost, apart from the general one', async () => {
    const from = (n: number) => ({ localAddress: `127.0.0.${20 + n}`, headers: { 'accept-language': 'hu' } });
    const codes = async (query: string, n: number, variables?: Record<string, unknown>) => {
      const answer = await postGraphql(node.url, query, { ...from(n), variables });
      const body = answer.json<{ errors?: { extensions: { code: string } }[] }>();
      return answer.status === 429 ? `429 ${body.errors?.[0]?.extensions.code} ${answer.headers['retry-after'] ? 'retry' : ''}` : 'ran';
    };
    const verify = 'query($j: [String!]!) { verifyDocuments(jws: $j) { valid } }';
    expect(await codes(verify, 1, { j: ['a', 'b', 'c', 'd'] })).toBe('ran');
    expect(await codes(verify, 1, { j: ['e', 'f'] })).toBe('429 RATE_LIMITED retry');
    expect(await codes('{ verifyDocument(jws: "x") { valid } }', 1)).toBe('ran');
    expect(await codes('{ verifyDocument(jws: "x") { valid } }', 1)).toBe('429 RATE_LIMITED retry');
    expect(await codes('{ node { country } }', 1)).toBe('ran');

    const deliver = 'mutation { deliver(message: "not-a-jwe") }';
    expect([await codes(deliver, 2), await codes(deliver, 2), await codes(deliver, 2)]).toEqual(['ran', 'ran', '429 RATE_LIMITED retry']);
    const federated = '{ federatedServices { items { code } } }';
    expect([await codes(federated, 3), await codes(federated, 3)]).toEqual(['ran', '429 RATE_LIMITED retry']);
    const catalog = '{ services(first: 1) { totalCount } categories { code } a: categories { code } }';
    expect([await codes(catalog, 4), await codes(catalog, 4)]).toEqual(['ran', '429 RATE_LIMITED retry']);
    expect(await codes('{ node { country } }', 4)).toBe('ran');
  });

  it('limits the public HTTP routes per address and says in the request language when to retry', async () => {
    const get = (path: string, n: number) =>
      send(`${node.url}${path}`, { localAddress: `127.0.0.${30 + n}`, headers: { 'accept-language': 'hu' } });
    const statuses = async (path: string, n: number, times: number) => {
      const answers = [];
      for (let i = 0; i < times; i += 1) answers.push((await get(path, n)).status);
      return answers;
    };
    expect(await statuses('/.well-known/openid-federation', 1, 3)).toEqual([200, 200, 429]);
    expect(await statuses('/.well-known/jwks.json', 1, 1)).toEqual([429]);
    expect(await statuses('/.well-known/jwks.json', 2, 1)).toEqual([200]);
    expect(await statuses('/registry/snapshot', 3, 2)).toEqual([200, 429]);
    expect((await statuses('/status-lists/1', 4, 2))[1]).toBe(429);
    const refused = await get('/registry/snapshot', 3);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/másodperc/) as unknown });
    expect((await get('/health/ready', 3)).status).toBe(200);
  });
});
