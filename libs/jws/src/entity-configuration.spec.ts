import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwsVerificationError } from './jws.errors.js';
import { generateRootKey } from './keys.js';
import { signEntityConfiguration, verifyEntityConfiguration } from './entity-configuration.js';

const now = Math.floor(Date.now() / 1000);
const metadata = {
  graphql_endpoint: 'http://127.0.0.1:4001/graphql',
  languages: ['kk', 'ru'],
  status_list_endpoint: 'http://127.0.0.1:4001/status-lists',
  signer_certificates: [],
  encryption_certificates: [],
};

async function statement(options: { issuedAt?: number; country?: string } = {}) {
  const root = await generateRootKey();
  const jws = await signEntityConfiguration({
    country: options.country ?? 'KZ',
    rootKeys: [root.publicJwk],
    signingRoot: { kid: root.kid, privateJwk: root.privateJwk },
    metadata,
    issuedAt: options.issuedAt ?? now,
    lifetimeSeconds: 3600,
  });
  return { root, jws };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(JwsVerificationError);
    return (err as JwsVerificationError).reason;
  }
  return 'OK';
}

describe('entity configuration', () => {
  it('is signed by the root key and verifies with jose against its own JWKS', async () => {
    const { root, jws } = await statement();
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: root.kid, typ: 'entity-statement+jwt' });
    const { payload } = await compactVerify(jws, createLocalJWKSet({ keys: [root.publicJwk] }));
    const claims = JSON.parse(new TextDecoder().decode(payload));
    expect(claims).toMatchObject({ iss: 'KZ', sub: 'KZ', iat: now, exp: now + 3600, metadata: { ots_node: metadata } });
    expect(claims.jwks.keys[0]).not.toHaveProperty('d');
  });

  it('is accepted when a pinned thumbprint signed it', async () => {
    const { root, jws } = await statement();
    const verified = await verifyEntityConfiguration(jws, 'KZ', [root.kid], now);
    expect(verified.signedBy).toBe(root.kid);
    expect([...verified.rootKeys.keys()]).toEqual([root.kid]);
  });

  it('is refused when no pinned thumbprint matches', async () => {
    const { jws } = await statement();
    const other = await generateRootKey();
    expect(await reasonOf(verifyEntityConfiguration(jws, 'KZ', [other.kid], now))).toBe('UNKNOWN_KEY');
  });

  it('is refused for another country', async () => {
    const { root, jws } = await statement({ country: 'TR' });
    expect(await reasonOf(verifyEntityConfiguration(jws, 'KZ', [root.kid], now))).toBe('UNTRUSTED_ISSUER');
  });

  it('is refused when its payload was changed after signing', async () => {
    const { root, jws } = await statement();
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.metadata.ots_node.graphql_endpoint = 'http://attacker.invalid/graphql';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await reasonOf(verifyEntityConfiguration(forged, 'KZ', [root.kid], now))).toBe('BAD_SIGNATURE');
  });

  it('is refused when expired', async () => {
    const { root, jws } = await statement({ issuedAt: now - 7200 });
    expect(await reasonOf(verifyEntityConfiguration(jws, 'KZ', [root.kid], now))).toBe('EXPIRED');
  });

  it('is refused when it is not a JWS at all', async () => {
    const { root } = await statement();
    expect(await reasonOf(verifyEntityConfiguration('<html>', 'KZ', [root.kid], now))).toBe('MALFORMED');
  });
});
