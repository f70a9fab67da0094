import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeConfig } from '@ots/config';
import { UnauthenticatedError } from '@ots/errors';
import { devIssuer, nodeAudience } from './dev-identity-provider.js';
import { TokenVerifier } from './token-verifier.service.js';

const now = () => Math.floor(Date.now() / 1000);

describe('TokenVerifier', () => {
  let verifier: TokenVerifier;
  let key: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    key = pair.privateKey;
    otherKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
    verifier = new TokenVerifier({ countryCode: 'KZ', oidc: undefined } as NodeConfig);
    verifier.trustDevelopmentProvider('KZ', await exportJWK(pair.privateKey));
  });

  const token = (claims: { iss?: string; aud?: string; sub?: string; exp?: number; nbf?: number }, signer = key) => {
    const jwt = new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'EdDSA', kid: 'dev-idp' }).setIssuedAt();
    jwt.setIssuer(claims.iss ?? devIssuer('KZ')).setAudience(claims.aud ?? nodeAudience('KZ'));
    if (claims.sub !== '') jwt.setSubject(claims.sub ?? 'KZ:ADMIN:1');
    jwt.setExpirationTime(claims.exp ?? now() + 300);
    if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
    return jwt.sign(signer);
  };

  const reasonOf = async (jwt: string): Promise<string | undefined> => {
    const err = await verifier.verify(jwt).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnauthenticatedError);
    return (err as UnauthenticatedError).extensions.reason;
  };

  it('accepts a good token, and one expired or not yet valid by less than the protocol skew of 60 s', async () => {
    expect(await verifier.verify(await token({}))).toEqual({ subject: 'KZ:ADMIN:1', roles: ['admin'], issuer: devIssuer('KZ') });
    await expect(verifier.verify(await token({ exp: now() - 50 }))).resolves.toMatchObject({ subject: 'KZ:ADMIN:1' });
    await expect(verifier.verify(await token({ nbf: now() + 50 }))).resolves.toMatchObject({ subject: 'KZ:ADMIN:1' });
  });

  it('names the check that failed, and nothing of the token itself', async () => {
    expect(await reasonOf(await token({ exp: now() - 120 }))).toBe('EXPIRED');
    expect(await reasonOf(await token({ nbf: now() + 120 }))).toBe('NOT_YET_VALID');
    expect(await reasonOf(await token({ aud: nodeAudience('TR') }))).toBe('WRONG_AUDIENCE');
    expect(await reasonOf(await token({ iss: 'https://idp.example' }))).toBe('UNKNOWN_ISSUER');
    expect(await reasonOf(await token({}, otherKey))).toBe('BAD_SIGNATURE');
    expect(await reasonOf(await token({ sub: '' }))).toBe('MISSING_CLAIM');
    expect(await reasonOf('not-a-jwt')).toBe('MALFORMED');
    const err = (await verifier.verify(await token({ aud: nodeAudience('TR') })).catch((e: unknown) => e)) as UnauthenticatedError;
    expect(Object.keys(err.extensions)).toEqual(['reason']);
    expect(err.params).toEqual({});
  });
});
