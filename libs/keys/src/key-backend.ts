import type { JWK } from 'jose';
import {
  generateEncryptionKey,
  generateRootKey,
  generateSignerKey,
  softwareSigningKey,
  type KeyAgreementKey,
  type SigningKey,
} from '@ots/jws';
import { diffieHellman, createPublicKey, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { privateKeyObject } from '@ots/jws';
import type { StoredKey } from './key-file.js';

export type KeyRole = StoredKey['role'];

/** A key pair just made by a backend: its public half, and where the private half lives. */
export interface GeneratedKey {
  kid: string;
  alg: string;
  publicJwk: JWK;
  /** File backend only: the private key, kept in the (encrypted) key file. */
  privateJwk?: JWK;
  /** PKCS #11 only: the key pair's CKA_ID in the token. */
  hsmId?: string;
}

/**
 * Where the node's private keys live and what may be done with them (docs/admin-guide.md, "Key ceremony"). The
 * key store keeps the public facts (roles, dates, certificates) in keys.json and asks the backend for every
 * private-key operation: signing (JWS, signed notes) and X25519 key agreement (decrypting messages).
 */
export interface KeyBackend {
  readonly kind: 'file' | 'pkcs11';
  generate(role: KeyRole): Promise<GeneratedKey>;
  /** The key's signer, or undefined when its private half is not here (a root kept offline). */
  signingKey(key: StoredKey): SigningKey | undefined;
  agreementKey(key: StoredKey): KeyAgreementKey | undefined;
  close(): void;
}

/** Keys as JWKs in keys.json (encrypted at rest when KEY_PASSPHRASE_FILE is set). */
export class FileKeyBackend implements KeyBackend {
  readonly kind = 'file';

  async generate(role: KeyRole): Promise<GeneratedKey> {
    const pair =
      role === 'enc' ? await generateEncryptionKey() : role === 'root' ? await generateRootKey() : await generateSignerKey('EdDSA');
    return { kid: pair.kid, alg: pair.alg, publicJwk: pair.publicJwk, privateJwk: pair.privateJwk };
  }

  signingKey(key: StoredKey): SigningKey | undefined {
    return key.privateJwk ? softwareSigningKey(key.privateJwk as JWK) : undefined;
  }

  agreementKey(key: StoredKey): KeyAgreementKey | undefined {
    const jwk = key.privateJwk as JWK | undefined;
    if (!jwk) return undefined;
    const privateKey = privateKeyObject(jwk);
    return {
      kid: key.kid,
      deriveSharedSecret: (peer) =>
        diffieHellman({
          privateKey,
          publicKey: createPublicKey({
            key: { kty: 'OKP', crv: 'X25519', x: peer.toString('base64url') } as NodeJsonWebKey,
            format: 'jwk',
          }),
        }),
    };
  }

  close(): void {}
}
