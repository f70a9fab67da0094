import { describe, expect, it } from 'vitest';
import { generateEncryptionKey, generateRootKey, generateSignerKey, issueSignerCertificate, signEntityConfiguration } from '@ots/jws';
import { describePartnerKeys } from './partner-keys.js';

const DAY = 24 * 3600;

async function partnerStatement(now: number) {
  const [root, signer, oldSigner, encryption] = await Promise.all([
    generateRootKey(),
    generateSignerKey(),
    generateSignerKey(),
    generateEncryptionKey(),
  ]);
  const certify = (key: typeof signer, use: ('doc' | 'msg' | 'enc')[], notBefore: number, lifetimeSeconds: number) =>
    issueSignerCertificate({
      issuer: 'KZ',
      rootPrivateJwk: root.privateJwk,
      rootKid: root.kid,
      subjectPublicJwk: key.publicJwk,
      use,
      notBefore,
      lifetimeSeconds,
    });
  const entityConfiguration = await signEntityConfiguration({
    country: 'KZ',
    rootKeys: [root.publicJwk],
    signingRoot: { kid: root.kid, privateJwk: root.privateJwk },
    metadata: {
      graphql_endpoint: 'http://kz/graphql',
      languages: ['kk'],
      status_list_endpoint: 'http://kz/status-lists',
      signer_certificates: [
        await certify(signer, ['doc', 'msg'], now - DAY, 90 * DAY),
        await certify(oldSigner, ['doc'], now - 91 * DAY, 90 * DAY),
      ],
      encryption_certificates: [await certify(encryption, ['enc'], now - DAY, 90 * DAY)],
    },
    issuedAt: now,
    lifetimeSeconds: DAY,
  });
  return { root, signer, oldSigner, encryption, entityConfiguration };
}

describe('describePartnerKeys', () => {
  it('lists roots, certified signer and encryption keys, and revocations, each with its status', async () => {
    const now = Math.floor(Date.now() / 1000);
    const kz = await partnerStatement(now);
    const revokedAt = new Date((now - 60) * 1000);
    const keys = await describePartnerKeys(
      {
        entityConfiguration: kz.entityConfiguration,
        keys: [
          { thumbprint: kz.root.kid, source: 'pinned', status: 'active', revokedAt: null, revocationReason: null },
          { thumbprint: 'R'.repeat(43), source: 'continuity', status: 'active', revokedAt: null, revocationReason: null },
          { thumbprint: kz.signer.kid, source: 'signer', status: 'revoked', revokedAt, revocationReason: 'superseded' },
          { thumbprint: 'S'.repeat(43), source: 'signer', status: 'revoked', revokedAt, revocationReason: 'compromised' },
        ],
      },
      new Date(now * 1000),
    );
    expect(keys.map((k) => [k.kind, k.thumbprint, k.source, k.status, k.revocationReason])).toEqual([
      ['root', kz.root.kid, 'pinned', 'active', null],
      ['root', 'R'.repeat(43), 'continuity', 'retired', null],
      ['signer', kz.signer.kid, 'announced', 'revoked', 'superseded'],
      ['signer', kz.oldSigner.kid, 'announced', 'expired', null],
      ['encryption', kz.encryption.kid, 'announced', 'active', null],
      ['signer', 'S'.repeat(43), 'revocation', 'revoked', 'compromised'],
    ]);
    expect(keys[2]?.validFrom).toEqual(new Date((now - DAY) * 1000));
    expect(keys[2]?.validTo).toEqual(new Date((now + 89 * DAY) * 1000));
    expect(keys[2]?.revokedAt).toEqual(revokedAt);
    expect(keys[0]?.validTo).toBeNull();
  });
});
