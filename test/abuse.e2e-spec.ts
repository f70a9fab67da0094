import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql } from './support/http-client.js';
import { fedctl, startNode, tempDataRoot, type RunningNode, PORT_SHIFT } from './support/processes.js';

const PORT = 4010 + 800 + PORT_SHIFT;

/** Abuse of a real node process: what a caller without a verified token can and cannot make it do. */
describe('the per-address limits of a node process', () => {
  const dataRoot = tempDataRoot('abuse');
  let node: RunningNode;
  let adminToken: string;
  const nodeQuery = '{ node { country } }';

  beforeAll(async () => {
    node = await startNode({ country: 'TR', dataRoot, port: PORT, env: { RATE_LIMIT_PER_MINUTE: '3' } });
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
});
