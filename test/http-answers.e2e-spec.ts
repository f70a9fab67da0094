import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { mintDevToken } from '@ots/identity';
import { createNodeApp } from '../apps/node/src/bootstrap.js';
import { ROOT, tempDataRoot, PORT_SHIFT } from './support/processes.js';

const PORT = 4920 + PORT_SHIFT;
const GRAPHQL_HTTP = join(ROOT, 'node_modules/graphql-http/package.json');

/** What every HTTP answer of a node looks like: media types and status codes (GraphQL over HTTP), and its headers. */
describe('HTTP answers of a KZ node (in-process, listening)', () => {
  const dataRoot = tempDataRoot('answers');
  const federation = loadFederationConfig(defaultFederationConfigDir());
  const config = loadNodeConfig(
    ['--country', 'KZ', '--port', String(PORT)],
    { DATA_DIR: dataRoot, DEV_IDP: 'on', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' },
    federation,
  );
  const url = `http://127.0.0.1:${PORT}`;
  let app: NestFastifyApplication;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await createNodeApp(config, federation);
    await app.listen(PORT, '127.0.0.1');
  });
  afterAll(async () => app?.close());

  describe.runIf(existsSync(GRAPHQL_HTTP))('GraphQL over HTTP (graphql-http audit suite)', () => {
    it('passes every MUST, and every SHOULD of application/graphql-response+json', async () => {
      const { auditServer } = await import('graphql-http');
      const results = await auditServer({ url: `${url}/graphql` });
      expect(results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`)).toEqual([]);
      // application/json keeps answering a query that does not parse or validate with 400 (docs/architecture.md).
      const warnings = results.filter((r) => r.status === 'warn').map((r) => r.id);
      expect(warnings.sort()).toEqual(['572B', '7B9B', 'FDE2']);
    });
  });

  it('answers application/graphql-response+json with that media type: 200 when it ran, 400 without data when it did not', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const ran = await post({ query: '{ trustAnchors { country } }' }, accept);
    expect(ran.status).toBe(200);
    expect(ran.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(((await ran.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const invalid = await post({ query: '{ noSuchField }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    const body = (await invalid.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    // A variable outside its enum is refused before execution, like a query that does not validate.
    const badEnum = await post({ query: 'query($l: Language) { node(lang: $l) { country } }', variables: { l: 'kk' } }, accept);
    expect(badEnum.status).toBe(400);
    const refused = (await badEnum.json()) as Record<string, unknown>;
    expect(refused).not.toHaveProperty('data');
    expect(refused.errors).toMatchObject([{ extensions: { code: 'UNKNOWN_ENUM_VALUE' } }]);
    const legacy = await post({ query: '{ node { country } }' });
    expect(legacy.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('sends nosniff, no framing and no X-Powered-By on every answer, and no-store on answers to a token holder', async () => {
    const token = await mintDevToken({ dataDir: config.dataDir, country: 'KZ', subject: 'KZ:ADMIN:1', roles: ['admin'], ttlSeconds: 60 });
    const answers = [
      await post({ query: '{ node { country } }' }),
      await post({ query: '{ messageCounts { pending } }' }, { authorization: `Bearer ${token}` }),
      await fetch(`${url}/health/live`),
      await fetch(`${url}/.well-known/jwks.json`),
      await fetch(`${url}/no/such/route`),
      await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('x-powered-by')).toBeNull();
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
    expect(answers[1]?.headers.get('cache-control')).toBe('no-store');
    expect(answers[0]?.headers.get('cache-control')).toBeNull();
    expect(answers[3]?.headers.get('cache-control')).toContain('max-age');
  });
});
