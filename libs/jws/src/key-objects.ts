import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

const MAX_CACHED_KEYS = 10_000;
/** Identifies a key by its public parts (a JWK's `kid` is the holder's word, not proof). */
export const keyIdOf = (jwk: JWK): string => `${jwk.kty}:${jwk.crv}:${jwk.x}:${jwk.y ?? ''}`;

function cached(cache: Map<string, KeyObject>, jwk: JWK, create: () => KeyObject): KeyObject {
  const id = keyIdOf(jwk);
  let key = cache.get(id);
  if (!key) {
    key = create();
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    cache.set(id, key);
  }
  return key;
}

const publicKeys = new Map<string, KeyObject>();
const privateKeys = new Map<string, KeyObject>();

/** Imports a public JWK once; keys are few (roots, signers and encryption keys of seven countries), operations many. */
export const publicKeyObject = (jwk: JWK): KeyObject =>
  cached(publicKeys, jwk, () =>
    createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y ? { y: jwk.y } : {}) } as NodeJsonWebKey, format: 'jwk' }),
  );

/** A node signs and decrypts with a handful of keys, thousands of times: each is imported once. */
export const privateKeyObject = (jwk: JWK): KeyObject =>
  cached(privateKeys, jwk, () => createPrivateKey({ key: jwk as NodeJsonWebKey, format: 'jwk' }));
