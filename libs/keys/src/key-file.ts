import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, describeIssues } from '@ots/config';
import { KEY_REVOCATION_REASONS, writeSecretFile } from '@ots/jws';
import { deriveKeyFileKey, isEncryptedKeyFile, openKeyFile, sealKeyFile, type KeyFileKey } from './key-file-crypto.js';
import { KeyPassphraseMissingError, KeyPassphraseWrongError } from './keys.errors.js';

const jwkSchema = z.object({ kty: z.string(), kid: z.string() }).passthrough();

const storedKeySchema = z
  .object({
    role: z.enum(['root', 'signer', 'enc', 'log']),
    kid: z.string(),
    alg: z.string(),
    /** The private key itself, for the file backend; absent for a key in a token or a root kept offline. */
    privateJwk: jwkSchema.optional(),
    /** The public key, for keys whose private half is not in this file. */
    publicJwk: jwkSchema.optional(),
    /** CKA_ID (hex) of the key pair in the PKCS #11 token. */
    hsmId: z
      .string()
      .regex(/^[0-9a-f]+$/)
      .optional(),
    createdAt: z.string(),
    retiredAt: z.string().optional(),
    /** Set when an admin revoked the key; a retirement by rotation is `superseded`. */
    revocationReason: z.enum(KEY_REVOCATION_REASONS).optional(),
    certificate: z.string().optional(),
    certificateExpiresAt: z.number().optional(),
  })
  .refine((k) => k.privateJwk || k.publicJwk, { message: 'a key needs privateJwk or publicJwk' });

const keyFileSchema = z.object({
  version: z.literal(1),
  country: z.string(),
  /** Which backend holds the private keys; a file written before backends existed is `file`. */
  backend: z.enum(['file', 'pkcs11']).default('file'),
  keys: z.array(storedKeySchema),
  /**
   * Offline root (docs/key-requests.md): key pairs made for a request the root has not answered yet, each with the
   * request it was sent in; the private half stays here (encrypted at rest) or in the token like any other key.
   */
  pending: z
    .array(
      z.object({
        role: z.enum(['signer', 'enc']),
        kid: z.string(),
        alg: z.string(),
        privateJwk: jwkSchema.optional(),
        publicJwk: jwkSchema,
        hsmId: z.string().optional(),
        request: z.record(z.string(), z.unknown()),
      }),
    )
    .default([]),
  /** Requests for the offline root to sign an entity configuration or the historical keys (no key pair). */
  pendingStatements: z.array(z.record(z.string(), z.unknown())).default([]),
  /** The entity configuration the offline root signed last (at export, or imported): served while the root is away. */
  offlineEntityConfiguration: z.string().optional(),
  /** The historical keys the offline root signed last (a `revocation` request): served while the root is away. */
  offlineHistoricalKeys: z.string().optional(),
});

export type StoredKey = z.infer<typeof storedKeySchema>;
export type PendingKey = z.infer<typeof keyFileSchema>['pending'][number];
export type KeyFileContents = z.input<typeof keyFileSchema>;

/**
 * `keys.json`, in clear (no passphrase configured: the local federation, tests) or encrypted under the
 * passphrase (key-file-crypto.ts). A file that exists but cannot be used stops the node rather than being replaced.
 */
export class KeyFile {
  private constructor(
    readonly path: string,
    private fileKey: KeyFileKey | undefined,
    private readonly passphrase: string | undefined,
    /** Read in clear while a passphrase is configured: the first save encrypts it (KeyStore.open saves at once). */
    readonly needsEncryption: boolean,
    private readonly contents: KeyFileContents | undefined,
  ) {}

  /** Reads (and decrypts) the file; throws the typed error of a wrong or missing passphrase before anything is written. */
  static open(path: string, passphrase: string | undefined): KeyFile {
    if (!existsSync(path)) return new KeyFile(path, undefined, passphrase, false, undefined);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${path}: key file is not valid JSON (${(err as Error).message}); restore it from backup`);
    }
    if (isEncryptedKeyFile(raw)) {
      if (passphrase === undefined)
        throw new KeyPassphraseMissingError(`${path} is encrypted: set KEY_PASSPHRASE_FILE to the file holding its passphrase`);
      const opened = openKeyFile(raw, passphrase);
      if (!opened.ok)
        throw new KeyPassphraseWrongError(
          opened.why === 'damaged'
            ? `${path}: the encrypted key file is damaged; restore it from backup`
            : `${path} does not open with the passphrase in KEY_PASSPHRASE_FILE (wrong passphrase, or the file was changed)`,
        );
      return new KeyFile(path, opened.fileKey, passphrase, false, parse(path, JSON.parse(opened.plaintext)));
    }
    return new KeyFile(path, undefined, passphrase, passphrase !== undefined, parse(path, raw));
  }

  read(): KeyFileContents | undefined {
    return this.contents;
  }

  get encrypted(): boolean {
    return this.passphrase !== undefined;
  }

  /** Atomic and flushed (writeSecretFile): a crash leaves the old file or the new one, never a clear copy beside it. */
  write(contents: KeyFileContents): void {
    const text = `${JSON.stringify(contents, null, 2)}\n`;
    if (this.passphrase === undefined) return writeSecretFile(this.path, text);
    this.fileKey ??= deriveKeyFileKey(this.passphrase);
    writeSecretFile(this.path, `${JSON.stringify(sealKeyFile(text, this.fileKey), null, 2)}\n`);
  }
}

function parse(path: string, raw: unknown): KeyFileContents {
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${path}: key file is damaged: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** Reads a passphrase or PIN file: the first line, without its line ending; an empty or unreadable file is missing. */
export function readSecretLine(path: string | undefined): string | undefined {
  if (path === undefined || !existsSync(path)) return undefined;
  try {
    const line = readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
    return line.length > 0 ? line : undefined;
  } catch {
    return undefined;
  }
}
