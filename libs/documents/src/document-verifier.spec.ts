import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRootKey, issueSignerCertificate, type TrustView } from '@ots/jws';
import {
  b64,
  documentPayload,
  entityConfigurationOf,
  makeIssuer,
  nowSeconds,
  reasonOf,
  signRawEd25519,
  signWith,
  trustViewOf,
  validDocument,
  type TestIssuer,
} from '../../../test/support/document-fixtures.js';
import { verifyDocumentChain } from './document-verifier.js';

describe(verifyDocumentChain.name, () => {
  let kz: TestIssuer;
  let kzLongLived: TestIssuer;
  let tr: TestIssuer;
  let view: TrustView;

  beforeAll(async () => {
    [kz, tr, kzLongLived] = await Promise.all([
      makeIssuer('KZ'),
      makeIssuer('TR'),
      makeIssuer('KZ', { certificateNotBefore: nowSeconds() - 10 * 86400 }),
    ]);
    view = trustViewOf([kz, tr]);
  });

  it('accepts a well-made document with only the pinned root and the chain inside it', async () => {
    const jws = await validDocument(kz);
    const { payload, signerKid, rootKid } = await verifyDocumentChain(jws, view, nowSeconds());
    expect(payload).toMatchObject({ iss: 'KZ', doc_type: 'identity-attestation', claims: { givenName: 'Aigerim' } });
    expect(signerKid).toBe(kz.signer.kid);
    expect(rootKid).toBe(kz.root.kid);
  });

  it('accepts an ES256 signer', async () => {
    const { generateSignerKey } = await import('@ots/jws');
    const signer = await generateSignerKey('ES256');
    const certificate = await issueSignerCertificate({
      issuer: 'KZ',
      rootPrivateJwk: kz.root.privateJwk,
      rootKid: kz.root.kid,
      subjectPublicJwk: signer.publicJwk,
      use: ['doc'],
      notBefore: nowSeconds() - 60,
      lifetimeSeconds: 86400,
    });
    const jws = await signWith(
      documentPayload(kz),
      { alg: 'ES256', typ: 'ots-doc+jwt', kid: signer.kid, trust_chain: [certificate] },
      signer.privateJwk,
    );
    expect(await reasonOf(jws, view)).toBe('OK');
  });

  describe('one hostile document per PROTOCOL reason', () => {
    // Whole seconds: a document of the revocation's own second counts as signed after it.
    const supersededAt = nowSeconds() - 10;
    const cases: [string, string, () => Promise<unknown>, (() => TrustView)?][] = [
      ['MALFORMED', 'four dot-separated parts', async () => `${await validDocument(kz)}.AAAA`],
      ['MALFORMED', 'two parts', async () => (await validDocument(kz)).split('.').slice(0, 2).join('.')],
      ['MALFORMED', 'a 1 MiB payload', async () => validDocument(kz, { claims: { blob: 'x'.repeat(1024 * 1024) } })],
      [
        'MALFORMED',
        'a payload that is not JSON',
        async () => {
          const [h, , s] = (await validDocument(kz)).split('.');
          return `${h}.${b64('not json {')}.${s}`;
        },
      ],
      [
        'MALFORMED',
        'a header that is not JSON',
        async () => {
          const [, p, s] = (await validDocument(kz)).split('.');
          return `${b64('{"alg":')}.${p}.${s}`;
        },
      ],
      ['MALFORMED', 'not a string at all', async () => 42],
      ['MALFORMED', 'missing claims (no doc_type)', async () => validDocument(kz, { doc_type: undefined })],
      ['MALFORMED', 'an unknown doc_type', async () => validDocument(kz, { doc_type: 'love-letter' })],
      [
        'UNSUPPORTED_ALG',
        'alg none',
        async () =>
          `${b64({ alg: 'none', typ: 'ots-doc+jwt', kid: kz.signer.kid, trust_chain: [kz.certificate] })}.${b64(documentPayload(kz))}.`,
      ],
      [
        'UNSUPPORTED_ALG',
        "HS256 keyed with the issuer's public key bytes",
        async () => {
          const input = `${b64({ alg: 'HS256', typ: 'ots-doc+jwt', kid: kz.signer.kid, trust_chain: [kz.certificate] })}.${b64(documentPayload(kz))}`;
          const secret = Buffer.from(kz.signer.publicJwk.x as string, 'base64url');
          return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
        },
      ],
      [
        'UNSUPPORTED_ALG',
        'RS256',
        async () => `${b64({ alg: 'RS256', typ: 'ots-doc+jwt', kid: kz.signer.kid })}.${b64(documentPayload(kz))}.AAAA`,
      ],
      ['BAD_TYPE', 'no typ', async () => validDocument(kz, {}, { typ: undefined })],
      ['BAD_TYPE', 'typ JWT', async () => validDocument(kz, {}, { typ: 'JWT' })],
      [
        'BAD_TYPE',
        'crit with an unknown name',
        async () =>
          signRawEd25519(
            {
              typ: 'ots-doc+jwt',
              kid: kz.signer.kid,
              trust_chain: [kz.certificate],
              crit: ['urn:example:unknown'],
              'urn:example:unknown': true,
            },
            documentPayload(kz),
            kz.signer.privateJwk,
          ),
      ],
      [
        'BAD_TYPE',
        'b64: false',
        async () =>
          signRawEd25519(
            { typ: 'ots-doc+jwt', kid: kz.signer.kid, trust_chain: [kz.certificate], crit: ['b64'], b64: false },
            documentPayload(kz),
            kz.signer.privateJwk,
          ),
      ],
      ['BAD_TYPE', 'a signer certificate presented as a document', async () => kz.certificate],
      ['BAD_TYPE', 'an entity configuration presented as a document', async () => entityConfigurationOf(kz)],
      [
        'BAD_TYPE',
        'a receipt presented as a document',
        async () =>
          signWith(
            { iss: 'KZ', aud: 'TR', jti: 'r1', iat: nowSeconds(), msg_jti: 'm1', msg_sha256: 'x' },
            { typ: 'ots-receipt+jwt', kid: kz.signer.kid, trust_chain: [kz.certificate] },
            kz.signer.privateJwk,
          ),
      ],
      ['UNTRUSTED_ISSUER', 'an issuer with no trust anchor', async () => validDocument(await makeIssuer('UZ'))],
      [
        'UNTRUSTED_ISSUER',
        'an issuer whose anchor is suspended',
        async () => validDocument(kz),
        () => trustViewOf([kz], { status: 'suspended' }),
      ],
      ['BAD_CHAIN', 'no trust_chain', async () => validDocument(kz, {}, { trust_chain: undefined })],
      ['BAD_CHAIN', 'an empty trust_chain', async () => validDocument(kz, {}, { trust_chain: [] })],
      ['BAD_CHAIN', "an attacker's self-made chain claiming KZ", async () => validDocument(await makeIssuer('KZ'))],
      [
        'BAD_CHAIN',
        "TR's certificate in a KZ document",
        async () =>
          signWith(documentPayload(kz), { typ: 'ots-doc+jwt', kid: tr.signer.kid, trust_chain: [tr.certificate] }, tr.signer.privateJwk),
      ],
      [
        'BAD_CHAIN',
        'a certificate by the pinned KZ root that names another country',
        async () => {
          const certificate = await issueSignerCertificate({
            issuer: 'TR',
            rootPrivateJwk: kz.root.privateJwk,
            rootKid: kz.root.kid,
            subjectPublicJwk: kz.signer.publicJwk,
            use: ['doc'],
            notBefore: nowSeconds() - 60,
            lifetimeSeconds: 86400,
          });
          return validDocument(kz, {}, { trust_chain: [certificate] });
        },
      ],
      [
        'BAD_CHAIN',
        'a signer certificate that had expired when the document was issued',
        async () => {
          const old = await issueSignerCertificate({
            issuer: 'KZ',
            rootPrivateJwk: kz.root.privateJwk,
            rootKid: kz.root.kid,
            subjectPublicJwk: kz.signer.publicJwk,
            use: ['doc'],
            notBefore: nowSeconds() - 10 * 86400,
            lifetimeSeconds: 86400,
          });
          return validDocument(kz, {}, { trust_chain: [old] });
        },
      ],
      ['BAD_CHAIN', 'a chain that is not a JWS', async () => validDocument(kz, {}, { trust_chain: ['garbage'] })],
      [
        'UNKNOWN_KEY',
        "an embedded jwk header with the attacker's key",
        async () => {
          const attacker = await makeIssuer('KZ');
          return signWith(
            documentPayload(kz),
            { typ: 'ots-doc+jwt', kid: attacker.signer.kid, jwk: attacker.signer.publicJwk, trust_chain: [kz.certificate] },
            attacker.signer.privateJwk,
          );
        },
      ],
      ['UNKNOWN_KEY', 'a kid other than the certified key', async () => validDocument(kz, {}, { kid: tr.signer.kid })],
      [
        'BAD_SIGNATURE',
        'an embedded jwk header naming the certified kid',
        async () => {
          const attacker = await makeIssuer('KZ');
          return signWith(
            documentPayload(kz),
            { typ: 'ots-doc+jwt', kid: kz.signer.kid, jwk: attacker.signer.publicJwk, trust_chain: [kz.certificate] },
            attacker.signer.privateJwk,
          );
        },
      ],
      [
        'BAD_SIGNATURE',
        'a payload changed after signing',
        async () => {
          const [h, , s] = (await validDocument(kz)).split('.');
          return `${h}.${b64(documentPayload(kz, { claims: { givenName: 'Mallory' } }))}.${s}`;
        },
      ],
      [
        'BAD_SIGNATURE',
        "a signature by another of the issuer's keys",
        async () =>
          signWith(documentPayload(kz), { typ: 'ots-doc+jwt', kid: kz.signer.kid, trust_chain: [kz.certificate] }, kz.root.privateJwk),
      ],
      [
        'EXPIRED',
        'exp in the past beyond the skew',
        async () => validDocument(kzLongLived, { iat: nowSeconds() - 7200, nbf: nowSeconds() - 7200, exp: nowSeconds() - 61 }),
        () => trustViewOf([kzLongLived]),
      ],
      ['NOT_YET_VALID', 'nbf in the future beyond the skew', async () => validDocument(kz, { nbf: nowSeconds() + 120 })],
      [
        'KEY_REVOKED',
        'a signer key revoked as compromised',
        async () => validDocument(kz),
        () => trustViewOf([kz], { revoked: { [kz.signer.kid]: { revokedAt: nowSeconds() + 3600, reason: 'compromised' } } }),
      ],
      [
        'KEY_REVOKED',
        'a root key revoked as compromised',
        async () => validDocument(kz),
        () => trustViewOf([kz], { revoked: { [kz.root.kid]: { revokedAt: nowSeconds() - 1, reason: 'compromised' } } }),
      ],
      [
        'KEY_REVOKED',
        'a document signed after its key was superseded',
        async () => validDocument(kz),
        () => trustViewOf([kz], { revoked: { [kz.signer.kid]: { revokedAt: nowSeconds() - 3600, reason: 'superseded' } } }),
      ],
      [
        'KEY_REVOKED',
        'a document of the same second as its key being superseded',
        async () => validDocument(kz, { iat: supersededAt }),
        () => trustViewOf([kz], { revoked: { [kz.signer.kid]: { revokedAt: supersededAt, reason: 'superseded' } } }),
      ],
    ];

    it.each(cases)('%s: %s', async (reason, _case, build, customView) => {
      expect(await reasonOf(await build(), customView ? customView() : view)).toBe(reason);
    });
  });

  it('keeps a document signed before its key was superseded valid', async () => {
    const jws = await validDocument(kz);
    const superseded = trustViewOf([kz], { revoked: { [kz.signer.kid]: { revokedAt: nowSeconds() + 60, reason: 'superseded' } } });
    expect(await reasonOf(jws, superseded)).toBe('OK');
  });

  it('tolerates 60 s of clock skew', async () => {
    expect(await reasonOf(await validDocument(kz, { nbf: nowSeconds() + 30 }), view)).toBe('OK');
    expect(await reasonOf(await validDocument(kz, { exp: nowSeconds() - 30 }), view)).toBe('OK');
  });

  it('never uses a root key that is not pinned, even if the document carries it', async () => {
    const attackerRoot = await generateRootKey();
    const jws = await validDocument(kz, {}, { jwk: attackerRoot.publicJwk, x5c: ['MIIB'], jku: 'http://attacker.invalid/jwks' });
    expect(await reasonOf(jws, view)).toBe('OK');
  });
});
