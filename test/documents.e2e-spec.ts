import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestFederation } from './support/federation.js';
import { graphql, issueDocument, nodeInfo, revokeDocument, verifyDocument } from './support/graphql.js';
import { fedctl, portIsClosed, tempDataRoot, waitFor, PORT_SHIFT } from './support/processes.js';

const STATUS_TTL = 2;

/** Mutual recognition across three real nodes started by `fedctl up`: KZ issues, TR and UZ verify. */
describe('documents across KZ, TR and UZ', () => {
  let federation: TestFederation;
  let officer: string;
  const issue = (claims: Record<string, unknown> = { givenName: 'Aigerim', familyName: 'Serikqyzy' }) =>
    issueDocument(federation.url('KZ'), officer, {
      docType: 'IDENTITY_ATTESTATION',
      subject: 'KZ:IIN:900101300123',
      claims,
      validDays: 30,
      lang: 'KK',
    });

  beforeAll(async () => {
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('documents'),
      portOffset: 600 + PORT_SHIFT,
      countries: ['KZ', 'TR', 'UZ'],
      env: { STATUS_LIST_TTL: String(STATUS_TTL), TRUST_REFRESH_SECONDS: '0' },
    });
    officer = federation.token('KZ', 'officer', 'KZ:OFFICER:17');
  });
  afterAll(async () => federation?.down());

  it('is issued by a KZ officer only, and recognised as OK by TR and UZ', async () => {
    const citizen = federation.token('KZ', 'citizen', 'KZ:IIN:900101300123');
    const refused = await graphql(
      federation.url('KZ'),
      'mutation { issueDocument(input: {docType: IDENTITY_ATTESTATION, subject: "KZ:IIN:900101300123", claims: {}, validDays: 1, lang: KK}) { jti } }',
      { token: citizen },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const document = await issue();
    for (const country of ['KZ', 'TR', 'UZ']) {
      expect(await verifyDocument(federation.url(country), document.jws)).toEqual({
        valid: true,
        reason: 'OK',
        statusChecked: true,
        issuerCountry: 'KZ',
        documentType: 'IDENTITY_ATTESTATION',
        subject: 'KZ:IIN:900101300123',
        claims: { givenName: 'Aigerim', familyName: 'Serikqyzy' },
      });
    }
  });

  it('refuses bad issuance input with BAD_INPUT naming the field, and an unknown docType before any resolver runs', async () => {
    const issuance = (input: string) =>
      graphql(federation.url('KZ'), `mutation { issueDocument(input: {subject: "KZ:IIN:900101300123", claims: {}, ${input}}) { jti } }`, {
        token: officer,
        lang: 'en',
      });
    const res = await issuance('docType: IDENTITY_ATTESTATION, validDays: 0, lang: KK');
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_INPUT');
    expect(res.errors?.[0]?.message).toContain('validDays');
    const unknown = await issuance('docType: LOVE_LETTER, validDays: 1, lang: KK');
    expect(unknown.status).toBe(400);
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'LOVE_LETTER is not a value of DocType.',
      extensions: { code: 'UNKNOWN_ENUM_VALUE' },
    });
  });

  it('is seen as DOCUMENT_REVOKED by partners once their cached status list expires', async () => {
    const document = await issue();
    expect((await verifyDocument(federation.url('TR'), document.jws)).reason).toBe('OK');
    const revoked = await revokeDocument(federation.url('KZ'), officer, document.jti, 'issued in error');
    expect(revoked.data?.revokeDocument.jti).toBe(document.jti);
    expect((await verifyDocument(federation.url('KZ'), document.jws)).reason).toBe('DOCUMENT_REVOKED');
    // The partners' cached lists expire within STATUS_TTL seconds; until then they may still say OK.
    await waitFor(
      async () =>
        (await Promise.all(['TR', 'UZ'].map((c) => verifyDocument(federation.url(c), document.jws)))).every(
          (v) => v.reason === 'DOCUMENT_REVOKED',
        ),
      (STATUS_TTL + 5) * 1000,
      200,
    );
    for (const country of ['TR', 'UZ']) {
      expect(await verifyDocument(federation.url(country), document.jws)).toMatchObject({
        valid: false,
        reason: 'DOCUMENT_REVOKED',
        statusChecked: true,
      });
    }
    const again = await revokeDocument(federation.url('KZ'), officer, document.jti, 'twice');
    expect(again.errors?.[0]?.extensions.code).toBe('DOCUMENT_ALREADY_REVOKED');
  });

  it('fails with UNTRUSTED_ISSUER at TR only while TR suspends KZ', async () => {
    const document = await issue();
    const suspended = federation.fedctl(['trust', 'suspend', '--node', 'TR', '--country', 'KZ']);
    expect(suspended.status).toBe(0);
    expect(suspended.stdout).toContain('KZ suspended');
    expect((await verifyDocument(federation.url('TR'), document.jws)).reason).toBe('UNTRUSTED_ISSUER');
    expect((await verifyDocument(federation.url('UZ'), document.jws)).reason).toBe('OK');
    expect(federation.fedctl(['trust', 'reactivate', '--node', 'TR', '--country', 'KZ']).status).toBe(0);
    expect((await verifyDocument(federation.url('TR'), document.jws)).reason).toBe('OK');
  });

  it('keeps old and new KZ documents valid at TR through a signer rotation and a root rollover', async () => {
    const beforeRotation = await issue();
    expect(federation.fedctl(['keys', 'rotate', '--signer', '--node', 'KZ']).status).toBe(0);
    const afterSignerRotation = await issue();

    const oldRoot = (await nodeInfo(federation.url('KZ'))).data?.node.rootKeyThumbprints[0] as string;
    const added = federation.fedctl(['keys', 'rotate', '--root', '--node', 'KZ']);
    expect(added.status).toBe(0);
    const newRoot = /new root key (\S+)/.exec(added.stdout)?.[1] as string;
    expect((await nodeInfo(federation.url('KZ'))).data?.node.rootKeyThumbprints).toEqual([oldRoot, newRoot]);

    // TR follows by key continuity: the announcement is signed by the root TR pinned.
    const refreshed = federation.fedctl(['trust', 'refresh', '--node', 'TR', '--country', 'KZ']);
    expect(refreshed.status).toBe(0);
    expect(refreshed.stdout).toContain(`${newRoot} [root, continuity/active]`);

    expect(federation.fedctl(['keys', 'retire-root', '--node', 'KZ', '--thumbprint', oldRoot]).status).toBe(0);
    expect((await nodeInfo(federation.url('KZ'))).data?.node.rootKeyThumbprints).toEqual([newRoot]);
    const afterRollover = await issue();

    for (const document of [beforeRotation, afterSignerRotation, afterRollover]) {
      expect((await verifyDocument(federation.url('TR'), document.jws)).reason).toBe('OK');
    }
    // UZ never refreshed during the rollover: the new statement is signed by a root UZ does not know, so it is refused.
    const uzRefresh = federation.fedctl(['trust', 'refresh', '--node', 'UZ', '--country', 'KZ']);
    expect(uzRefresh.status).toBe(1);
    expect(uzRefresh.stderr).toContain('THUMBPRINT_MISMATCH');
    expect((await verifyDocument(federation.url('UZ'), afterRollover.jws)).reason).toBe('BAD_CHAIN');
    expect((await verifyDocument(federation.url('UZ'), beforeRotation.jws)).reason).toBe('OK');

    // UZ's admin repeats the ceremony with the new thumbprint, learned out of band.
    expect(
      federation.fedctl(['trust', 'add', '--node', 'UZ', '--country', 'KZ', '--thumbprint', newRoot, '--from', federation.url('KZ')])
        .status,
    ).toBe(0);
    expect((await verifyDocument(federation.url('UZ'), afterRollover.jws)).reason).toBe('OK');
    expect((await verifyDocument(federation.url('UZ'), beforeRotation.jws)).reason).toBe('OK');
  });

  it('applies key revocation: compromised taints everything, superseded keeps the past', async () => {
    const document = await issue();
    const header = JSON.parse(Buffer.from(document.jws.split('.')[0] as string, 'base64url').toString());
    // Times are whole seconds: a document of the revocation's own second counts as signed after it.
    const { iat } = JSON.parse(Buffer.from(document.jws.split('.')[1] as string, 'base64url').toString()) as { iat: number };
    await waitFor(async () => Date.now() >= (iat + 1) * 1000, 2000, 20);
    const superseded = federation.fedctl([
      'trust',
      'revoke-key',
      '--node',
      'UZ',
      '--country',
      'KZ',
      '--thumbprint',
      header.kid,
      '--reason',
      'superseded',
    ]);
    expect(superseded.status).toBe(0);
    expect((await verifyDocument(federation.url('UZ'), document.jws)).reason).toBe('OK');
    const compromised = federation.fedctl([
      'trust',
      'revoke-key',
      '--node',
      'TR',
      '--country',
      'KZ',
      '--thumbprint',
      header.kid,
      '--reason',
      'compromised',
    ]);
    expect(compromised.status).toBe(0);
    expect((await verifyDocument(federation.url('TR'), document.jws)).reason).toBe('KEY_REVOKED');
    expect((await verifyDocument(federation.url('KZ'), document.jws)).reason).toBe('OK');
  });

  it('restricts the services a partner may use, and audits every trust change in an intact chain', async () => {
    const restricted = federation.fedctl([
      'trust',
      'restrict',
      '--node',
      'TR',
      '--country',
      'KZ',
      '--services',
      'TR-RP-WORK,TR-TAX-RESIDENCE',
    ]);
    expect(restricted.status).toBe(0);
    const token = federation.token('TR', 'admin');
    const anchors = await graphql<{ trustAnchors: { country: string; servicesAllowed: string[] | null }[] }>(
      federation.url('TR'),
      '{ trustAnchors { country servicesAllowed } }',
      { token },
    );
    expect(anchors.data?.trustAnchors.find((a) => a.country === 'KZ')?.servicesAllowed).toEqual(['TR-RP-WORK', 'TR-TAX-RESIDENCE']);

    const log = await graphql<{ auditLog: { edges: { node: { action: string; subject: string; actor: string } }[] } }>(
      federation.url('TR'),
      '{ auditLog(first: 100) { edges { node { action subject actor } } } }',
      { token },
    );
    const actions = log.data?.auditLog.edges.map((e) => e.node.action) ?? [];
    for (const action of ['trust.add', 'trust.suspend', 'trust.reactivate', 'trust.refresh', 'trust.revoke-key', 'trust.restrict-services'])
      expect(actions).toContain(action);
    const verified = federation.fedctl(['audit', 'verify', '--node', 'TR']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/TR: audit log intact \(\d+ entries\)/);
  });

  it('verifies offline with an exported anchors file and no node running', async () => {
    // The signer key was revoked at TR above; KZ answers by rotating it.
    expect(federation.fedctl(['keys', 'rotate', '--signer', '--node', 'KZ']).status).toBe(0);
    const document = await issue({ purpose: 'offline check' });
    const tampered = `${document.jws.split('.')[0]}.${Buffer.from(JSON.stringify({ iss: 'KZ' })).toString('base64url')}.${document.jws.split('.')[2]}`;
    const exported = federation.fedctl(['trust', 'export', '--node', 'TR']);
    expect(exported.status).toBe(0);
    const dir = tempDataRoot('offline');
    writeFileSync(join(dir, 'anchors.json'), exported.stdout);
    writeFileSync(join(dir, 'document.jws'), document.jws);
    writeFileSync(join(dir, 'tampered.jws'), tampered);

    await federation.down();
    for (const country of federation.countries) expect(await portIsClosed(federation.port(country))).toBe(true);

    const ok = fedctl(['verify', join(dir, 'document.jws'), '--anchors', join(dir, 'anchors.json')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('OK');
    expect(ok.stdout).toContain('"purpose": "offline check"');
    expect(ok.stderr).toContain('status list not checked');
    const bad = fedctl(['verify', join(dir, 'tampered.jws'), '--anchors', join(dir, 'anchors.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim()).toBe('MALFORMED');
    const noAnchors = fedctl(['verify', join(dir, 'document.jws'), '--anchors', join(dir, 'missing.json')]);
    expect(noAnchors.status).toBe(2);
    expect(noAnchors.stderr).toContain('ENOENT');
  });
});
