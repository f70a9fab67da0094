import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** Algorithms a signer key may use (docs/protocol section 1). Root keys are always EdDSA. */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];
export const KEY_ENCRYPTION_ALGORITHM = 'ECDH-ES+A256KW';
export const CONTENT_ENCRYPTION_ALGORITHM = 'A256GCM';

export type KeyRole = 'root' | 'signer' | 'enc';

/** A key pair as JWKs, named by its RFC 7638 SHA-256 thumbprint. */
export interface KeyPairJwk {
  kid: string;
  alg: SigningAlgorithm | typeof KEY_ENCRYPTION_ALGORITHM;
  privateJwk: JWK;
  publicJwk: JWK;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** Strips every private member, whatever the key type: what may leave the node. */
export function toPublicJwk(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  delete copy.key_ops;
  delete copy.ext;
  return copy as JWK;
}

/** RFC 7638 SHA-256 thumbprint, base64url: the `kid` of every key and what admins pin. */
export function thumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(toPublicJwk(jwk), 'sha256');
}

async function generate(alg: 'EdDSA' | 'ES256' | 'ECDH-ES', options: { crv?: string }, role: KeyRole): Promise<KeyPairJwk> {
  const { privateKey } = await generateKeyPair(alg, { ...options, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = toPublicJwk(privateJwk);
  const kid = await thumbprint(publicJwk);
  const jwkAlg = alg === 'ECDH-ES' ? KEY_ENCRYPTION_ALGORITHM : alg;
  const use = role === 'enc' ? 'enc' : 'sig';
  return {
    kid,
    alg: jwkAlg,
    privateJwk: { ...privateJwk, kid, alg: jwkAlg, use },
    publicJwk: { ...publicJwk, kid, alg: jwkAlg, use },
  };
}

/** The trust anchor key: Ed25519, `alg: EdDSA`. */
export function generateRootKey(): Promise<KeyPairJwk> {
  return generate('EdDSA', { crv: 'Ed25519' }, 'root');
}

export function generateSignerKey(alg: SigningAlgorithm = 'EdDSA'): Promise<KeyPairJwk> {
  return alg === 'EdDSA' ? generate('EdDSA', { crv: 'Ed25519' }, 'signer') : generate('ES256', {}, 'signer');
}

/** X25519 for `ECDH-ES+A256KW` / `A256GCM` (docs/protocol section 1). */
export function generateEncryptionKey(): Promise<KeyPairJwk> {
  return generate('ECDH-ES', { crv: 'X25519' }, 'enc');
}

/** The JWS algorithm a public key can verify, or undefined when it is not a protocol key. */
export function algorithmOf(jwk: JWK): SigningAlgorithm | undefined {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  return undefined;
}
