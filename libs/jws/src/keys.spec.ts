import { describe, expect, it } from 'vitest';
import { generateEncryptionKey, generateRootKey, generateSignerKey, thumbprint, toPublicJwk } from './keys.js';

describe('keys', () => {
  it('computes the RFC 7638 section 3.1 example thumbprint', async () => {
    // The RSA key of RFC 7638 section 3.1 and its published SHA-256 thumbprint.
    const rfcKey = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await thumbprint(rfcKey)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('makes an Ed25519 root key named by its thumbprint, with no private part in the public view', async () => {
    const key = await generateRootKey();
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.privateJwk.d).toEqual(expect.any(String));
    expect(await thumbprint(key.privateJwk)).toBe(key.kid);
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes EdDSA and ES256 signer keys and an X25519 encryption key', async () => {
    expect((await generateSignerKey('EdDSA')).publicJwk).toMatchObject({ crv: 'Ed25519', alg: 'EdDSA' });
    expect((await generateSignerKey('ES256')).publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect((await generateEncryptionKey()).publicJwk).toMatchObject({ kty: 'OKP', crv: 'X25519', alg: 'ECDH-ES+A256KW', use: 'enc' });
  });

  it('never leaves a private member in a public JWK', () => {
    expect(toPublicJwk({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret', key_ops: ['sign'], ext: true })).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: 'x',
      y: 'y',
    });
  });
});
