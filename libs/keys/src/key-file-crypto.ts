import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

/**
 * The key file encrypted at rest (docs/decisions.md, "Key file encryption"): scrypt (N = 2^17, r = 8, p = 1,
 * 128 MiB, about 0.3 s here) turns the passphrase into an AES-256-GCM key; the JSON envelope names the parameters
 * and carries salt, nonce and tag, so that a later version can raise the cost and still read older files. Both
 * primitives are node:crypto's (OpenSSL), nothing hand-made. The whole envelope minus the ciphertext is the
 * additional data, so a changed parameter is as detectable as a changed byte of the keys.
 */
export const ENCRYPTED_KEY_FILE_FORMAT = 'ots-encrypted-keys' as const;

const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const scryptMaxmem = (n: number, r: number) => 128 * n * r * 2;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
const envelopeSchema = z.object({
  format: z.literal(ENCRYPTED_KEY_FILE_FORMAT),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64url,
  }),
  cipher: z.literal('A256GCM'),
  iv: base64url,
  tag: base64url,
  ciphertext: base64url,
});

export type EncryptedKeyFile = z.infer<typeof envelopeSchema>;

/** The key derived once at start-up; every later save reuses it with a fresh nonce (a save must not cost 0.3 s). */
export interface KeyFileKey {
  key: Buffer;
  kdf: EncryptedKeyFile['kdf'];
}

export function isEncryptedKeyFile(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === ENCRYPTED_KEY_FILE_FORMAT;
}

export function deriveKeyFileKey(passphrase: string, kdf?: EncryptedKeyFile['kdf']): KeyFileKey {
  const params = kdf ?? { name: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64url') };
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64url'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: scryptMaxmem(params.N, params.r),
  });
  return { key, kdf: params };
}

const associatedData = (envelope: Omit<EncryptedKeyFile, 'ciphertext' | 'tag'>): Buffer =>
  Buffer.from(
    JSON.stringify({ format: envelope.format, version: envelope.version, kdf: envelope.kdf, cipher: envelope.cipher, iv: envelope.iv }),
  );

/** Encrypts the key file's JSON text under an already derived key. */
export function sealKeyFile(plaintext: string, fileKey: KeyFileKey): EncryptedKeyFile {
  const head = {
    format: ENCRYPTED_KEY_FILE_FORMAT,
    version: 1 as const,
    kdf: fileKey.kdf,
    cipher: 'A256GCM' as const,
    iv: randomBytes(12).toString('base64url'),
  };
  const cipher = createCipheriv('aes-256-gcm', fileKey.key, Buffer.from(head.iv, 'base64url'));
  cipher.setAAD(associatedData(head));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ...head, tag: cipher.getAuthTag().toString('base64url'), ciphertext: ciphertext.toString('base64url') };
}

/** What `openKeyFile` concludes; the caller words the error (it knows the path). */
export type OpenedKeyFile = { ok: true; plaintext: string; fileKey: KeyFileKey } | { ok: false; why: 'damaged' | 'wrong-passphrase' };

/**
 * Decrypts an encrypted key file. A wrong passphrase and a changed byte are indistinguishable under AEAD, and both
 * mean the same to an admin: this file does not open with what was given.
 */
export function openKeyFile(raw: unknown, passphrase: string): OpenedKeyFile {
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, why: 'damaged' };
  const envelope = parsed.data;
  // GCM accepts a shortened tag; only the full 16 bytes (and the 12-byte nonce) are this format.
  if (Buffer.from(envelope.tag, 'base64url').length !== 16 || Buffer.from(envelope.iv, 'base64url').length !== 12)
    return { ok: false, why: 'damaged' };
  const fileKey = deriveKeyFileKey(passphrase, envelope.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', fileKey.key, Buffer.from(envelope.iv, 'base64url'));
    decipher.setAAD(associatedData(envelope));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    return { ok: true, plaintext, fileKey };
  } catch {
    return { ok: false, why: 'wrong-passphrase' };
  }
}
