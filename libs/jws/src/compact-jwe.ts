import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
  type JsonWebKey as NodeJsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { decodeProtectedHeader, type JWK } from 'jose';
import { privateKeyObject, publicKeyObject } from './key-objects.js';
import { CONTENT_ENCRYPTION_ALGORITHM, KEY_ENCRYPTION_ALGORITHM } from './keys.js';
import { isKeyAgreementKey, type KeyAgreementKey } from './signing-key.js';

/** Why a JWE could not be opened; deliberately one kind, so a sender learns nothing about which check failed. */
export class JweDecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JweDecryptionError';
  }
}

export interface JweHeader {
  alg: string;
  enc: string;
  kid?: string;
  cty?: string;
  epk?: { kty?: unknown; crv?: unknown; x?: unknown };
  [member: string]: unknown;
}

// RFC 3394 default initial value of AES key wrap.
const KEY_WRAP_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/**
 * A fresh X25519 key pair from 32 random bytes (any 32 bytes are a valid
 * X25519 private key). Not generateKeyPairSync: on Node 20, exporting a key
 * it made while the garbage collector frees the generation job deadlocks
 * the process (both take the key's mutex; seen under load). Imported as a
 * JWK, not PKCS #8: the DER import walks OpenSSL's decoder search and costs
 * ten times as much (about 0.3 ms, paid on every message sent). The
 * importer only checks that `x` is a string; the private key is built from
 * `d` alone and its public half is read back from it.
 */
function ephemeralKeyPair(): { privateKey: KeyObject; x: string } {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: randomBytes(32).toString('base64url'), x: '' },
    format: 'jwk',
  });
  return { privateKey, x: privateKey.export({ format: 'jwk' }).x as string };
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The key-encryption key of ECDH-ES+A256KW: Concat KDF (RFC 7518 section
 * 4.6.2) over the shared secret with no PartyUInfo/PartyVInfo; one SHA-256
 * round gives the 256 bits.
 */
function keyEncryptionKey(sharedSecret: Buffer): Buffer {
  const algorithmId = Buffer.from(KEY_ENCRYPTION_ALGORITHM, 'ascii');
  const lengthPrefixed = (bytes: Buffer) => Buffer.concat([uint32(bytes.length), bytes]);
  return createHash('sha256')
    .update(uint32(1))
    .update(sharedSecret)
    .update(lengthPrefixed(algorithmId))
    .update(lengthPrefixed(Buffer.alloc(0)))
    .update(lengthPrefixed(Buffer.alloc(0)))
    .update(uint32(256))
    .digest();
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/**
 * Encrypts to an X25519 public key as a compact JWE, ECDH-ES+A256KW with
 * A256GCM (docs/protocol section 6), on node:crypto. Synchronous on purpose:
 * the whole operation takes about 0.1 ms, where jose's WebCrypto path made
 * five thread-pool round trips per message (docs/benchmarks.md).
 */
export function encryptCompact(plaintext: string, recipientKey: JWK, header: { cty?: string } = {}): string {
  const ephemeral = ephemeralKeyPair();
  const sharedSecret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientKey) });
  const contentKey = randomBytes(32);
  const wrap = createCipheriv('id-aes256-wrap', keyEncryptionKey(sharedSecret), KEY_WRAP_IV);
  const encryptedKey = Buffer.concat([wrap.update(contentKey), wrap.final()]);
  const protectedHeader: JweHeader = {
    alg: KEY_ENCRYPTION_ALGORITHM,
    enc: CONTENT_ENCRYPTION_ALGORITHM,
    ...header,
    ...(recipientKey.kid ? { kid: recipientKey.kid } : {}),
    epk: { kty: 'OKP', crv: 'X25519', x: ephemeral.x },
  };
  const encodedHeader = Buffer.from(JSON.stringify(protectedHeader)).toString('base64url');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
  cipher.setAAD(Buffer.from(encodedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [encodedHeader, encryptedKey, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Reads the protected header of a compact JWE without decrypting (to pick the key named by `kid`). */
export function jweHeader(compact: string): JweHeader {
  const parts = compact.split('.');
  if (parts.length !== 5 || !parts.every((part) => BASE64URL.test(part))) throw new JweDecryptionError('not a compact JWE');
  try {
    return decodeProtectedHeader(compact) as JweHeader;
  } catch (err) {
    throw new JweDecryptionError('the JWE header is not a JSON object', { cause: err });
  }
}

/**
 * Decrypts a compact JWE made by `encryptCompact` (or any RFC 7516
 * implementation using the same algorithms) with one X25519 private key
 * (a JWK, or a token's key that only derives the shared secret).
 * Anything else (other algorithms, compression, `crit`, a tampered part, a
 * key that does not fit) is a JweDecryptionError.
 */
export function decryptCompact(compact: string, privateKey: JWK | KeyAgreementKey): string {
  const header = jweHeader(compact);
  const [encodedHeader, encryptedKey, iv, ciphertext, tag] = compact
    .split('.')
    .map((part, i) => (i === 0 ? part : Buffer.from(part, 'base64url'))) as [string, Buffer, Buffer, Buffer, Buffer];
  if (header.alg !== KEY_ENCRYPTION_ALGORITHM || header.enc !== CONTENT_ENCRYPTION_ALGORITHM)
    throw new JweDecryptionError('unsupported JWE algorithms');
  if (header.zip !== undefined || header.crit !== undefined)
    throw new JweDecryptionError('compression and critical extensions are not accepted');
  const { epk } = header;
  if (!epk || epk.kty !== 'OKP' || epk.crv !== 'X25519' || typeof epk.x !== 'string' || Buffer.from(epk.x, 'base64url').length !== 32) {
    throw new JweDecryptionError('epk is not an X25519 public key');
  }
  if (encryptedKey.length !== 40 || iv.length !== 12 || tag.length !== 16) throw new JweDecryptionError('a JWE part has the wrong length');
  try {
    // A low-order epk gives an all-zero secret, which node:crypto refuses.
    const sharedSecret = isKeyAgreementKey(privateKey)
      ? privateKey.deriveSharedSecret(Buffer.from(epk.x, 'base64url'))
      : diffieHellman({
          privateKey: privateKeyObject(privateKey),
          publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epk.x } as NodeJsonWebKey, format: 'jwk' }),
        });
    // Node refuses an all-zero secret itself; a token may not, and such a secret means a low-order epk.
    if (sharedSecret.every((byte) => byte === 0)) throw new JweDecryptionError('low-order epk');
    const unwrap = createDecipheriv('id-aes256-wrap', keyEncryptionKey(sharedSecret), KEY_WRAP_IV);
    const contentKey = Buffer.concat([unwrap.update(encryptedKey), unwrap.final()]);
    const decipher = createDecipheriv('aes-256-gcm', contentKey, iv);
    decipher.setAAD(Buffer.from(encodedHeader, 'ascii'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new JweDecryptionError('the JWE does not decrypt with this key', { cause: err });
  }
}
