import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey } from 'jose';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { devIssuer, mintDevToken, nodeAudience, openDevIdentityKey } from '@ots/identity';
import { createNodeApp } from '../apps/node/src/bootstrap.js';
import { ROOT, tempDataRoot, PORT_SHIFT } from './support/processes.js';

/** Request-level tests: the whole node in-process on a SQLite file, driven through supertest. */
describe('KZ node over HTTP (supertest)', () => {
  const dataRoot = tempDataRoot('node');
  const federation = loadFederationConfig(defaultFederationConfigDir());
  const config = loadNodeConfig(
    ['--country', 'KZ', '--port', String(4901 + PORT_SHIFT)],
    { DATA_DIR: dataRoot, DEV_IDP: 'on', LOG_LEVEL: 'error' },
    federation,
  );
  let app: NestFastifyApplication;
  const gql = (query: string, headers: Record<string, string> = {}) =>
    request(app.getHttpServer()).post('/graphql').set(headers).send({ query });
  const token = (roles: ('citizen' | 'officer' | 'admin')[]) =>
    mintDevToken({ dataDir: config.dataDir, country: 'KZ', subject: 'KZ:IIN:900101300123', roles, ttlSeconds: 60 });

  beforeAll(async () => {
    app = await createNodeApp(config, federation);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => app?.close());

  it('is live and ready once migrations ran', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/health/ready').expect(200, { status: 'ready', database: 'up', migrations: 'applied' });
  });

  it('publishes an entity configuration that verifies with jose against its own JWKS', async () => {
    const ec = await request(app.getHttpServer()).get('/.well-known/openid-federation').expect(200);
    expect(ec.headers['content-type']).toContain('application/entity-statement+jwt');
    expect(ec.headers['cache-control']).toContain('max-age');
    const jwks = await request(app.getHttpServer()).get('/.well-known/jwks.json').expect(200);
    const keys = JSON.parse(jwks.text).keys;
    // root, signer, encryption, and the log key that signs transparency checkpoints
    expect(keys.map((k: { use: string }) => k.use)).toEqual(['sig', 'sig', 'enc', 'sig']);
    expect(jwks.text).not.toContain('"d"');
    const { payload, protectedHeader } = await compactVerify(ec.text, createLocalJWKSet({ keys }));
    expect(protectedHeader.typ).toBe('entity-statement+jwt');
    const statement = JSON.parse(new TextDecoder().decode(payload));
    expect(statement).toMatchObject({
      iss: 'KZ',
      sub: 'KZ',
      metadata: { ots_node: { graphql_endpoint: `http://127.0.0.1:${4901 + PORT_SHIFT}/graphql` } },
    });
    expect(statement.metadata.ots_node.signer_certificates).toHaveLength(1);
    expect(statement.metadata.ots_node.languages).toHaveLength(9);
    expect(statement.metadata.ots_node.transparency).toMatchObject({
      origin: 'ots.federation/KZ',
      checkpoint_endpoint: `http://127.0.0.1:${4901 + PORT_SHIFT}/transparency/checkpoint`,
      log_certificates: [expect.any(String)],
    });
  });

  it('answers a revalidation with the same ETag by 304', async () => {
    for (const path of ['/.well-known/openid-federation', '/.well-known/jwks.json']) {
      const first = await request(app.getHttpServer()).get(path).expect(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      await request(app.getHttpServer()).get(path).set('if-none-match', etag).expect(304);
      await request(app.getHttpServer()).get(path).set('if-none-match', '"stale"').expect(200);
    }
  });

  it('answers the public node query in the asked language', async () => {
    const kk = await gql('{ node { country name protocolVersion rootKeyThumbprints } }').expect(200);
    expect(kk.body.data.node).toMatchObject({ country: 'KZ', name: 'Қазақстан Республикасы', protocolVersion: '1' });
    expect(kk.body.data.node.rootKeyThumbprints[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const en = await gql('{ node { name } }', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.data.node.name).toBe('Republic of Kazakhstan');
    const tr = await gql('{ node(lang: TR) { name } }', { 'accept-language': 'en' });
    expect(tr.body.data.node.name).toBe('Kazakistan Cumhuriyeti');
  });

  it('refuses a language outside the Language enum with UNKNOWN_ENUM_VALUE in the request language, before any resolver runs', async () => {
    const literal = await gql('{ node(lang: DE) { name } }', { 'accept-language': 'en' }).expect(400);
    expect(literal.body.data).toBeUndefined();
    expect(literal.body.errors[0]).toMatchObject({
      message: 'DE is not a value of Language.',
      extensions: { code: 'UNKNOWN_ENUM_VALUE', detail: expect.stringContaining('"Language"') },
    });
    // The wire value is not the schema's name either: a client sends TR, never "tr".
    const wire = await gql('{ node(lang: "tr") { name } }', { 'accept-language': 'ru' });
    expect(wire.body.errors[0]).toMatchObject({
      message: '"tr" не является значением Language.',
      extensions: { code: 'UNKNOWN_ENUM_VALUE' },
    });
    const variable = await request(app.getHttpServer())
      .post('/graphql')
      .set('accept-language', 'tr')
      .send({ query: 'query($l: Language) { node(lang: $l) { name } }', variables: { l: 'de' } });
    expect(variable.body.data).toBeUndefined();
    expect(variable.body.errors[0]).toMatchObject({
      message: 'de, Language için geçerli bir değer değil.',
      extensions: { code: 'UNKNOWN_ENUM_VALUE' },
    });
  });

  it('gives UNAUTHENTICATED without a token, in the request language, and no data', async () => {
    const res = await gql('{ trustAnchors { country } }', { 'accept-language': 'ru' });
    expect(res.body.data).toBeNull();
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(res.body.errors[0].message).toMatch(/токен/);
  });

  it('gives FORBIDDEN to a citizen asking for admin data', async () => {
    const res = await gql('{ trustAnchors { country } }', { authorization: `Bearer ${await token(['citizen'])}` });
    expect(res.body.data).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets an admin read the trust store', async () => {
    const res = await gql('{ trustAnchors { country } }', { authorization: `Bearer ${await token(['admin'])}` });
    expect(res.body).toEqual({ data: { trustAnchors: [] } });
  });

  it('refuses expired, wrongly signed, wrong-audience and garbage tokens', async () => {
    const devKey = (await importJWK(await openDevIdentityKey(config.dataDir, 'KZ', false), 'EdDSA')) as CryptoKey;
    const attacker = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
    const base = () =>
      new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-idp' })
        .setIssuer(devIssuer('KZ'))
        .setSubject('KZ:ADMIN:x');
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      await base()
        .setAudience(nodeAudience('KZ'))
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600)
        .sign(devKey),
      await base().setAudience(nodeAudience('KZ')).setIssuedAt().setExpirationTime('5m').sign(attacker),
      await base().setAudience(nodeAudience('TR')).setIssuedAt().setExpirationTime('5m').sign(devKey),
      'not.a.token',
    ];
    for (const t of tokens) {
      const res = await gql('{ trustAnchors { country } }', { authorization: `Bearer ${t}` });
      expect(res.body.data).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('reports a query that does not fit the schema with a code, a translated message and HTTP 400, no stack', async () => {
    const res = await gql('{ nope }', { 'accept-language': 'ru' }).expect(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toBe('Запрос не соответствует схеме.');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('matches the committed schema.gql (UPDATE_SCHEMA=1 rewrites it)', () => {
    const file = join(ROOT, 'apps/node/schema.gql');
    const printed = `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
    if (process.env.UPDATE_SCHEMA === '1' || !existsSync(file)) writeFileSync(file, printed);
    expect(readFileSync(file, 'utf8')).toBe(printed);
  });

  it('verifies up to 1,000 documents per call and refuses a larger batch with BATCH_TOO_LARGE', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .send({
        query: 'query($j: [String!]!) { verifyDocuments(jws: $j) { reason } }',
        variables: { j: Array.from({ length: 1001 }, () => 'a.b.c') },
      });
    expect(res.body.errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
    const ok = await request(app.getHttpServer())
      .post('/graphql')
      .send({ query: 'query($j: [String!]!) { verifyDocuments(jws: $j) { valid reason } }', variables: { j: ['a.b.c', 'not a jws'] } });
    expect(ok.body.data.verifyDocuments).toEqual([
      { valid: false, reason: 'MALFORMED' },
      { valid: false, reason: 'MALFORMED' },
    ]);
  });

  it('refuses a body over 4 MiB with BODY_TOO_LARGE and HTTP 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'en')
      .send(JSON.stringify({ query: '{ node { country } }', padding: 'x'.repeat(5 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0]).toEqual({
      message: 'The request body is larger than 4194304 bytes.',
      extensions: { code: 'BODY_TOO_LARGE' },
    });
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    const res = await request(app.getHttpServer()).get('/no/such/route').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

/** The country's identity provider: any OIDC issuer whose JWKS the node can fetch. */
describe('a node trusting a national OIDC identity provider', () => {
  let app: NestFastifyApplication;
  let idp: import('node:http').Server;
  let signingKey: CryptoKey;

  beforeAll(async () => {
    const { createServer } = await import('node:http');
    const pair = await generateKeyPair('ES256', { extractable: true });
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'egov-1', alg: 'ES256', use: 'sig' };
    idp = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => idp.listen(4991 + PORT_SHIFT, '127.0.0.1', resolve));
    const federation = loadFederationConfig(defaultFederationConfigDir());
    const config = loadNodeConfig(
      ['--country', 'UZ', '--port', '4902'],
      {
        DATA_DIR: tempDataRoot('oidc'),
        LOG_LEVEL: 'error',
        OIDC_ISSUER: 'https://id.egov.uz',
        OIDC_JWKS_URL: `http://127.0.0.1:${4991 + PORT_SHIFT}/jwks`,
      },
      federation,
    );
    app = await createNodeApp(config, federation);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    idp?.close();
  });

  const tokenFrom = (issuer: string, roles: string[]) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'egov-1' })
      .setIssuer(issuer)
      .setAudience(nodeAudience('UZ'))
      .setSubject('UZ:ADMIN:17')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signingKey);

  it('accepts its tokens and their roles, and nothing signed by the development provider', async () => {
    const ok = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${await tokenFrom('https://id.egov.uz', ['admin'])}`)
      .send({ query: '{ trustAnchors { country } }' });
    expect(ok.body).toEqual({ data: { trustAnchors: [] } });
    const otherIssuer = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${await tokenFrom('https://id.example', ['admin'])}`)
      .send({ query: '{ trustAnchors { country } }' });
    expect(otherIssuer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const noRole = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${await tokenFrom('https://id.egov.uz', [])}`)
      .send({ query: '{ trustAnchors { country } }' });
    expect(noRole.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
