import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { privateKeyObject } from './key-objects.js';
import { algorithmOf, type SigningAlgorithm } from './keys.js';

/**
 * A private key that signs without handing out its bytes: a key in the node's key file, or one inside a hardware
 * security module that never leaves it. `sign` is given the exact bytes to sign (a JWS signing input, a signed
 * note's body) and returns the raw signature (Ed25519: 64 bytes; ES256: r || s, 64 bytes).
 */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  sign(data: Buffer): Buffer;
}

/**
 * An X25519 private key that only does key agreement: given the other party's 32-byte public key, the 32-byte shared
 * secret. What decrypting a JWE to this node needs, and all a token has to offer for it.
 */
export interface KeyAgreementKey {
  readonly kid: string;
  deriveSharedSecret(peerPublicKey: Buffer): Buffer;
}

export const isSigningKey = (key: unknown): key is SigningKey => typeof (key as SigningKey | undefined)?.sign === 'function';

export const isKeyAgreementKey = (key: unknown): key is KeyAgreementKey =>
  typeof (key as KeyAgreementKey | undefined)?.deriveSharedSecret === 'function';

/** A private JWK held in this process as a SigningKey (imported once, see key-objects). */
export function softwareSigningKey(privateJwk: JWK): SigningKey {
  const alg = algorithmOf(privateJwk);
  if (!alg) throw new TypeError(`key ${privateJwk.kid ?? ''} is not an Ed25519 or P-256 key`);
  const key = privateKeyObject(privateJwk);
  return { kid: privateJwk.kid ?? '', alg, sign: (data) => signWithKeyObject(alg, key, data) };
}

function signWithKeyObject(alg: SigningAlgorithm, key: KeyObject, data: Buffer): Buffer {
  return alg === 'EdDSA' ? cryptoSign(null, data, key) : cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
}

/** Whatever form a caller has the key in, as a SigningKey: the one path every node signature takes. */
export const asSigningKey = (key: JWK | SigningKey): SigningKey => (isSigningKey(key) ? key : softwareSigningKey(key));
