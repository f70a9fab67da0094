import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwsVerificationError } from './jws.errors.js';
import { generateRootKey, generateSignerKey } from './keys.js';
import { issueSignerCertificate, MAX_CERTIFICATE_LIFETIME_SECONDS, verifySignerCertificate } from './signer-certificate.js';

const now = Math.floor(Date.now() / 1000);

async function setUp() {
  const root = await generateRootKey();
  const signer = await generateSignerKey();
  const certificate = await issueSignerCertificate({
    issuer: 'KZ',
    rootPrivateJwk: root.privateJwk,
    rootKid: root.kid,
    subjectPublicJwk: signer.publicJwk,
    use: ['doc', 'msg'],
    notBefore: now,
    lifetimeSeconds: MAX_CERTIFICATE_LIFETIME_SECONDS,
  });
  return { root, signer, certificate, roots: new Map([[root.kid, root.publicJwk]]) };
}

describe('signer certificate', () => {
  it('is a root-signed ots-signer+jwt naming the signer key by thumbprint', async () => {
    const { root, signer, certificate, roots } = await setUp();
    expect(decodeProtectedHeader(certificate)).toEqual({ alg: 'EdDSA', kid: root.kid, typ: 'ots-signer+jwt' });
    const { payload } = await verifySignerCertificate(certificate, roots, 'KZ', now + 10);
    expect(payload).toMatchObject({
      iss: 'KZ',
      sub: signer.kid,
      use: ['doc', 'msg'],
      nbf: now,
      exp: now + MAX_CERTIFICATE_LIFETIME_SECONDS,
    });
    expect(payload.jwk).not.toHaveProperty('d');
  });

  it('cannot be issued for more than 90 days', async () => {
    const { root, signer } = await setUp();
    await expect(
      issueSignerCertificate({
        issuer: 'KZ',
        rootPrivateJwk: root.privateJwk,
        rootKid: root.kid,
        subjectPublicJwk: signer.publicJwk,
        use: ['doc'],
        notBefore: now,
        lifetimeSeconds: MAX_CERTIFICATE_LIFETIME_SECONDS + 1,
      }),
    ).rejects.toThrow(RangeError);
  });

  it.each([
    ['an unpinned root', async (s: Awaited<ReturnType<typeof setUp>>) => verifySignerCertificate(s.certificate, new Map(), 'KZ', now)],
    ['another issuer', async (s: Awaited<ReturnType<typeof setUp>>) => verifySignerCertificate(s.certificate, s.roots, 'TR', now)],
    [
      'a time after expiry',
      async (s: Awaited<ReturnType<typeof setUp>>) =>
        verifySignerCertificate(s.certificate, s.roots, 'KZ', now + MAX_CERTIFICATE_LIFETIME_SECONDS),
    ],
    [
      'a time before it was valid',
      async (s: Awaited<ReturnType<typeof setUp>>) => verifySignerCertificate(s.certificate, s.roots, 'KZ', now - 1),
    ],
  ])('is BAD_CHAIN against %s', async (_case, run) => {
    const subject = await setUp();
    const error = await run(subject).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JwsVerificationError);
    expect((error as JwsVerificationError).reason).toBe('BAD_CHAIN');
  });
});
