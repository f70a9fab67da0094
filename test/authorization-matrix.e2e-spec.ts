import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildSchema } from 'graphql';
import { importJWK, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { devIssuer, mintDevToken, nodeAudience, openDevIdentityKey } from '@ots/identity';
import { createNodeApp } from '../apps/node/src/bootstrap.js';
import { ROOT, tempDataRoot, PORT_SHIFT } from './support/processes.js';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const THUMBPRINT = 'A'.repeat(43);
const CALLERS = ['anonymous', 'citizen', 'otherCitizen', 'officer', 'admin', 'otherNode', 'expired'] as const;
type Caller = (typeof CALLERS)[number];
/** `data`: the operation ran and answered without errors; anything else is the exact error code expected. */
type Outcome = string;

const PUBLIC = {
  anonymous: 'data',
  citizen: 'data',
  otherCitizen: 'data',
  officer: 'data',
  admin: 'data',
  otherNode: 'data',
  expired: 'data',
};
const guarded = (allowed: Partial<Record<Caller, Outcome>>): Record<Caller, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  citizen: 'FORBIDDEN',
  otherCitizen: 'FORBIDDEN',
  officer: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  otherNode: 'UNAUTHENTICATED',
  expired: 'UNAUTHENTICATED',
  ...allowed,
});
const ADMIN = (outcome: Outcome = 'data') => guarded({ admin: outcome });
const OFFICER = (outcome: Outcome = 'data') => guarded({ officer: outcome });
const CITIZEN = (own: Outcome, other: Outcome = own) => guarded({ citizen: own, otherCitizen: other });

/**
 * One row per operation of apps/node/schema.gql: the call, and what each caller gets. Rows run in this order,
 * so that a row can rely on what an earlier one left (the document issued is the one revoked).
 */
const MATRIX: Record<string, { query: string; expect: Record<Caller, Outcome> }> = {
  node: { query: '{ node { country } }', expect: PUBLIC },
  services: { query: '{ services(first: 1) { totalCount } }', expect: PUBLIC },
  service: { query: '{ service(code: "KZ-NO-SUCH") { code } }', expect: { ...PUBLIC, ...mapAll('SERVICE_NOT_FOUND') } },
  categories: { query: '{ categories { code } }', expect: PUBLIC },
  lifeEvents: { query: '{ lifeEvents { code } }', expect: PUBLIC },
  federatedServices: { query: '{ federatedServices { partners { country } } }', expect: PUBLIC },
  registrySnapshot: { query: '{ registrySnapshot { etag } }', expect: PUBLIC },
  verifyDocument: { query: '{ verifyDocument(jws: "x.y.z") { valid reason } }', expect: PUBLIC },
  verifyDocuments: { query: '{ verifyDocuments(jws: ["x.y.z"]) { valid } }', expect: PUBLIC },
  deliver: { query: 'mutation { deliver(message: "not-a-jwe") }', expect: mapAll('MESSAGE_UNDECRYPTABLE') },
  myApplications: { query: '{ myApplications { edges { node { id } } } }', expect: CITIZEN('data') },
  myDocuments: { query: '{ myDocuments { edges { node { jti } } } }', expect: CITIZEN('data') },
  myDataUsage: { query: '{ myDataUsage { edges { node { id description } } } }', expect: CITIZEN('data') },
  pendingEvidenceRequests: { query: '{ pendingEvidenceRequests { id } }', expect: CITIZEN('data') },
  answerEvidenceRequest: {
    query: `mutation { answerEvidenceRequest(id: "${NO_SUCH_ID}", approve: true) { id } }`,
    expect: CITIZEN('EVIDENCE_REQUEST_NOT_FOUND', 'UNKNOWN_PERSON'),
  },
  applyAbroad: {
    query: 'mutation { applyAbroad(input: { country: "TR", serviceCode: "TR-RP-WORK", form: {}, consent: [] }) { id } }',
    expect: CITIZEN('SERVICE_NOT_OPEN', 'UNKNOWN_PERSON'),
  },
  withdrawApplication: { query: `mutation { withdrawApplication(id: "${NO_SUCH_ID}") { id } }`, expect: CITIZEN('APPLICATION_NOT_FOUND') },
  requestTaxResidenceCertificate: {
    query: 'mutation { requestTaxResidenceCertificate(year: 2025, forCountry: "TR") { jti } }',
    expect: CITIZEN('PARTNER_NOT_TRUSTED'),
  },
  cases: { query: '{ cases { edges { node { id } } } }', expect: OFFICER() },
  reloadConfiguration: { query: 'mutation { reloadConfiguration { countries { code } } }', expect: ADMIN() },
  undeliveredApplications: {
    query: '{ undeliveredApplications { edges { node { id } } } }',
    expect: guarded({ officer: 'data', admin: 'data' }),
  },
  decideCase: {
    query: `mutation { decideCase(id: "${NO_SUCH_ID}", decision: APPROVE, reason: "r") { id } }`,
    expect: OFFICER('APPLICATION_NOT_FOUND'),
  },
  requestEvidence: {
    query: `mutation { requestEvidence(caseId: "${NO_SUCH_ID}", docType: INCOME_STATEMENT) { id } }`,
    expect: OFFICER('APPLICATION_NOT_FOUND'),
  },
  receivedTaxCertificates: { query: '{ receivedTaxCertificates { edges { node { jti } } } }', expect: OFFICER() },
  verifyTaxpayer: { query: 'mutation { verifyTaxpayer(country: "TR", tin: "1") { status } }', expect: OFFICER('PARTNER_NOT_TRUSTED') },
  verifyTaxpayers: { query: 'mutation { verifyTaxpayers(country: "TR", tins: ["1"]) { status } }', expect: OFFICER('PARTNER_NOT_TRUSTED') },
  taxpayerCheck: { query: `{ taxpayerCheck(requestId: "${NO_SUCH_ID}") { status } }`, expect: OFFICER('BAD_INPUT') },
  taxpayerChecks: {
    query: `{ taxpayerChecks(filter: { requestIds: ["${NO_SUCH_ID}"] }) { edges { node { status } } } }`,
    expect: OFFICER(),
  },
  issueDocument: {
    query:
      'mutation { issueDocument(input: { docType: IDENTITY_ATTESTATION, subject: "KZ:IIN:900101300123", claims: {}, lang: KK, validDays: 0 }) { jti } }',
    expect: guarded({ officer: 'BAD_INPUT', admin: 'BAD_INPUT' }),
  },
  revokeDocument: {
    query: 'mutation { revokeDocument(jti: "no-such", reason: "r") { jti } }',
    expect: guarded({ officer: 'DOCUMENT_NOT_FOUND', admin: 'DOCUMENT_NOT_FOUND' }),
  },
  auditLog: { query: '{ auditLog(first: 1) { edges { node { seq } } } }', expect: ADMIN() },
  auditVerification: { query: '{ auditVerification { intact } }', expect: ADMIN() },
  revokeOwnKey: {
    query: `mutation { revokeOwnKey(thumbprint: "${THUMBPRINT}", reason: COMPROMISED) }`,
    expect: ADMIN('BAD_INPUT'),
  },
  transparencyAlarms: { query: '{ transparencyAlarms(filter: { includeCleared: true }) { edges { node { id kind } } } }', expect: ADMIN() },
  clearTransparencyAlarm: {
    query: `mutation { clearTransparencyAlarm(id: "${NO_SUCH_ID}", note: "checked") { id } }`,
    expect: ADMIN('TRANSPARENCY_ALARM_NOT_FOUND'),
  },
  diagnostics: { query: '{ diagnostics { check status } }', expect: ADMIN() },
  messageCounts: { query: '{ messageCounts { pending } }', expect: ADMIN() },
  outbox: { query: '{ outbox { edges { node { id } } } }', expect: ADMIN() },
  retryMessage: { query: `mutation { retryMessage(id: "${NO_SUCH_ID}") { id } }`, expect: ADMIN('OUTBOX_MESSAGE_NOT_FOUND') },
  caseEventSubscribers: { query: '{ caseEventSubscribers { name dead } }', expect: ADMIN() },
  caseEventDeliveries: { query: '{ caseEventDeliveries(first: 1) { edges { node { eventId } } } }', expect: ADMIN() },
  recordBackup: {
    query: 'mutation { recordBackup(input: { keyMaterialIncluded: true, sha256: "not-a-digest" }) }',
    expect: ADMIN('BAD_INPUT'),
  },
  retryCaseEvents: { query: 'mutation { retryCaseEvents(subscriber: "nobody") }', expect: ADMIN('BAD_INPUT') },
  trustAnchors: { query: '{ trustAnchors { country } }', expect: ADMIN() },
  trustAnchorsExport: { query: '{ trustAnchorsExport }', expect: ADMIN() },
  partnerKeys: { query: '{ partnerKeys(country: "TR") { thumbprint } }', expect: ADMIN('TRUST_ANCHOR_NOT_FOUND') },
  addTrustAnchor: {
    query: `mutation { addTrustAnchor(input: { country: "TR", thumbprints: ["${THUMBPRINT}"], baseUrl: "http://127.0.0.1:9" }) { status } }`,
    expect: ADMIN('PARTNER_UNREACHABLE'),
  },
  refreshTrustAnchor: { query: 'mutation { refreshTrustAnchor(country: "TR") { status } }', expect: ADMIN('TRUST_ANCHOR_NOT_FOUND') },
  suspendTrustAnchor: { query: 'mutation { suspendTrustAnchor(country: "TR") { status } }', expect: ADMIN('TRUST_ANCHOR_NOT_FOUND') },
  reactivateTrustAnchor: { query: 'mutation { reactivateTrustAnchor(country: "TR") { status } }', expect: ADMIN('TRUST_ANCHOR_NOT_FOUND') },
  revokeTrustAnchor: { query: 'mutation { revokeTrustAnchor(country: "TR") { status } }', expect: ADMIN('TRUST_ANCHOR_NOT_FOUND') },
  revokePartnerKey: {
    query: `mutation { revokePartnerKey(input: { country: "TR", thumbprint: "${THUMBPRINT}", reason: COMPROMISED }) { status } }`,
    expect: ADMIN('TRUST_ANCHOR_NOT_FOUND'),
  },
  restrictPartnerServices: {
    query: 'mutation { restrictPartnerServices(country: "TR", services: []) { status } }',
    expect: ADMIN('TRUST_ANCHOR_NOT_FOUND'),
  },
  addService: { query: 'mutation { addService(definition: {}, texts: {}) { code } }', expect: ADMIN('INVALID_SERVICE') },
  updateService: {
    query: 'mutation { updateService(code: "KZ-NO-SUCH", definition: {}, texts: {}) { code } }',
    expect: ADMIN('INVALID_SERVICE'),
  },
  retireService: { query: 'mutation { retireService(code: "KZ-NO-SUCH") { code } }', expect: ADMIN('SERVICE_NOT_FOUND') },
  rotateSignerKey: { query: 'mutation { rotateSignerKey }', expect: ADMIN() },
  addRootKey: { query: 'mutation { addRootKey }', expect: ADMIN() },
  retireRootKey: { query: `mutation { retireRootKey(thumbprint: "${THUMBPRINT}") }`, expect: ADMIN('BAD_INPUT') },
  federationOverview: { query: '{ federationOverview { country partners { country } } }', expect: ADMIN() },
  inspectPartner: { query: '{ inspectPartner(baseUrl: "http://127.0.0.1:9") { country } }', expect: ADMIN('PARTNER_UNREACHABLE') },
  inbox: { query: '{ inbox(first: 1) { edges { node { jti } } } }', expect: ADMIN() },
  ownKeys: { query: '{ ownKeys { kind thumbprint daysLeft } }', expect: ADMIN() },
  keyChangePreview: { query: '{ keyChangePreview(change: ROTATE_SIGNER) { blockedBy signedBy } }', expect: ADMIN() },
  keyRequest: { query: 'mutation { keyRequest(kind: SIGNER) }', expect: ADMIN() },
  importKeyResponse: { query: 'mutation { importKeyResponse(response: "{}") }', expect: ADMIN('KEY_REQUEST_INVALID') },
  // addRootKey above left two roots active: a root leaves only once a rollover is finished.
  exportRootKey: { query: 'mutation { exportRootKey }', expect: ADMIN('BAD_INPUT') },
};

function mapAll(outcome: Outcome): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((c) => [c, outcome])) as Record<Caller, Outcome>;
}

const schemaOperations = (): string[] => {
  const schema = buildSchema(readFileSync(join(ROOT, 'apps/node/schema.gql'), 'utf8'));
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
};

/** Every operation of the schema, called by every kind of caller, against one real KZ node in-process. */
describe('the authorization matrix of a KZ node', () => {
  const dataRoot = tempDataRoot('matrix');
  const federation = loadFederationConfig(defaultFederationConfigDir());
  const config = loadNodeConfig(
    ['--country', 'KZ', '--port', String(4940 + PORT_SHIFT)],
    { DATA_DIR: dataRoot, DEV_IDP: 'on', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' },
    federation,
  );
  let app: NestFastifyApplication;
  const tokens: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    app = await createNodeApp(config, federation);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const mint = (subject: string, role: 'citizen' | 'officer' | 'admin') =>
      mintDevToken({ dataDir: config.dataDir, country: 'KZ', subject, roles: [role], ttlSeconds: 300 });
    tokens.citizen = await mint('KZ:IIN:900101300123', 'citizen');
    tokens.otherCitizen = await mint('UZ:PINFL:30101900000012', 'citizen');
    tokens.officer = await mint('KZ:OFFICER:1', 'officer');
    tokens.admin = await mint('KZ:ADMIN:1', 'admin');
    const key = (await importJWK(await openDevIdentityKey(config.dataDir, 'KZ', false), 'EdDSA')) as CryptoKey;
    const signed = (audience: string, expiresAt: number) =>
      new SignJWT({ roles: ['citizen', 'officer', 'admin'] })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'dev-idp' })
        .setIssuer(devIssuer('KZ'))
        .setAudience(audience)
        .setSubject('KZ:ADMIN:1')
        .setIssuedAt(expiresAt - 600)
        .setExpirationTime(expiresAt)
        .sign(key);
    const now = Math.floor(Date.now() / 1000);
    tokens.otherNode = await signed(nodeAudience('TR'), now + 300);
    tokens.expired = await signed(nodeAudience('KZ'), now - 120);
  });
  afterAll(async () => app?.close());

  it('has a row for every operation in schema.gql, and no row for one that is gone', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(schemaOperations().sort());
  });

  it.each(Object.entries(MATRIX))('%s', async (_operation, row) => {
    const seen: Record<string, Outcome> = {};
    for (const caller of CALLERS) {
      const token = tokens[caller];
      const answer = await request(app.getHttpServer())
        .post('/graphql')
        .set(token ? { authorization: `Bearer ${token}` } : {})
        .send({ query: row.query });
      const body = answer.body as { data?: unknown; errors?: { extensions: { code: string } }[] };
      seen[caller] = body.errors?.length ? (body.errors[0]?.extensions.code ?? 'no code') : body.data ? 'data' : 'no data';
    }
    expect(seen).toEqual(row.expect);
  });
});
