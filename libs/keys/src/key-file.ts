import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, describeIssues } from '@ots/config';
import { KEY_REVOCATION_REASONS, writeSecretFile } from '@ots/jws';

const jwkSchema = z.object({ kty: z.string(), kid: z.string() }).passthrough();

const storedKeySchema = z.object({
  role: z.enum(['root', 'signer', 'enc', 'log']),
  kid: z.string(),
  alg: z.string(),
  privateJwk: jwkSchema,
  createdAt: z.string(),
  retiredAt: z.string().optional(),
  /** Set when an admin revoked the key; a retirement by rotation is `superseded`. */
  revocationReason: z.enum(KEY_REVOCATION_REASONS).optional(),
  certificate: z.string().optional(),
  certificateExpiresAt: z.number().optional(),
});

const keyFileSchema = z.object({ version: z.literal(1), country: z.string(), keys: z.array(storedKeySchema) });

export type StoredKey = z.infer<typeof storedKeySchema>;
export type KeyFileContents = z.infer<typeof keyFileSchema>;

/** Reads `keys.json`; a file that exists but cannot be used stops the node rather than being replaced. */
export function readKeyFile(path: string): KeyFileContents | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${path}: key file is not valid JSON (${(err as Error).message}); restore it from backup`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${path}: key file is damaged: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export function writeKeyFile(path: string, contents: KeyFileContents): void {
  writeSecretFile(path, `${JSON.stringify(contents, null, 2)}\n`);
}
