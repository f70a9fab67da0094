import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CompactEncrypt, compactDecrypt, importJWK, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { decryptCompact, encryptCompact, JweDecryptionError } from './compact-jwe.js';
import { generateEncryptionKey } from './keys.js';

const PLAINTEXT = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJLWiIsImJvZHkiOiLQltCw0LfRg9GI0YsifQ.c2lnbmF0dXJl';

const header = (jwe: string) => JSON.parse(Buffer.from(jwe.split('.')[0] as string, 'base64url').toString()) as Record<string, unknown>;
const withHeader = (jwe: string, changes: Record<string, unknown>) =>
  [Buffer.from(JSON.stringify({ ...header(jwe), ...changes })).toString('base64url'), ...jwe.split('.').slice(1)].join('.');

describe('compact JWE, ECDH-ES+A256KW / A256GCM on node:crypto', () => {
  it('round-trips, and names the algorithms, the key and a fresh ephemeral key in the header', async () => {
    const recipient = await generateEncryptionKey();
    const first = encryptCompact(PLAINTEXT, recipient.publicJwk, { cty: 'JWT' });
    const second = encryptCompact(PLAINTEXT, recipient.publicJwk, { cty: 'JWT' });
    expect(header(first)).toMatchObject({
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
      cty: 'JWT',
      kid: recipient.kid,
      epk: { kty: 'OKP', crv: 'X25519' },
    });
    expect((header(first).epk as { x: string }).x).not.toBe((header(second).epk as { x: string }).x);
    expect(decryptCompact(first, recipient.privateJwk)).toBe(PLAINTEXT);
    expect(decryptCompact(second, recipient.privateJwk)).toBe(PLAINTEXT);
  });

  it('interoperates with jose in both directions', async () => {
    const recipient = await generateEncryptionKey();
    const ours = encryptCompact(PLAINTEXT, recipient.publicJwk, { cty: 'JWT' });
    const { plaintext, protectedHeader } = await compactDecrypt(
      ours,
      (await importJWK(recipient.privateJwk, 'ECDH-ES+A256KW')) as CryptoKey,
    );
    expect(new TextDecoder().decode(plaintext)).toBe(PLAINTEXT);
    expect(protectedHeader.cty).toBe('JWT');

    const theirs = await new CompactEncrypt(new TextEncoder().encode(PLAINTEXT))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: recipient.kid })
      .encrypt((await importJWK(recipient.publicJwk, 'ECDH-ES+A256KW')) as CryptoKey);
    expect(decryptCompact(theirs, recipient.privateJwk)).toBe(PLAINTEXT);
  });

  it('refuses a changed part, another key, other algorithms, compression, crit and a low-order ephemeral key', async () => {
    const [recipient, other] = await Promise.all([generateEncryptionKey(), generateEncryptionKey()]);
    const jwe = encryptCompact(PLAINTEXT, recipient.publicJwk);
    const flip = (part: number) =>
      jwe
        .split('.')
        .map((p, i) => {
          if (i !== part) return p;
          const bytes = Buffer.from(p, 'base64url');
          bytes[0] = (bytes[0] ?? 0) ^ 1;
          return bytes.toString('base64url');
        })
        .join('.');
    const refused = [
      flip(1),
      flip(2),
      flip(3),
      flip(4),
      withHeader(jwe, { cty: 'other' }),
      withHeader(jwe, { alg: 'ECDH-ES' }),
      withHeader(jwe, { enc: 'A128GCM' }),
      withHeader(jwe, { zip: 'DEF' }),
      withHeader(jwe, { crit: ['exp'] }),
      withHeader(jwe, { epk: { kty: 'OKP', crv: 'X25519', x: Buffer.alloc(32).toString('base64url') } }),
      withHeader(jwe, { epk: { kty: 'EC', crv: 'P-256', x: 'AA' } }),
      jwe.split('.').slice(0, 4).join('.'),
      `${jwe}.`,
      'not a jwe',
    ];
    for (const candidate of refused)
      expect(() => decryptCompact(candidate, recipient.privateJwk), candidate.slice(0, 40)).toThrow(JweDecryptionError);
    expect(() => decryptCompact(jwe, other.privateJwk)).toThrow(JweDecryptionError);
  });

  it('keeps encrypting while the garbage collector runs all the time (Node 20 deadlocked exporting generated keys)', async () => {
    const recipient = await generateEncryptionKey();
    // A young generation of 1 MB makes the collector run every few operations; generateKeyPairSync + export
    // deadlocked within a second or two that way. The built module runs in a child so a deadlock is a timeout here.
    const built = fileURLToPath(new URL('../../../dist/libs/jws/src/compact-jwe.js', import.meta.url));
    const code = `const { encryptCompact } = await import(${JSON.stringify(built)}); const end = Date.now() + 3000; let n = 0; while (Date.now() < end) { encryptCompact('x', ${JSON.stringify(recipient.publicJwk)}); n += 1; } console.log(n);`;
    const child = spawnSync(process.execPath, ['--max-semi-space-size=1', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    expect(Number(child.stdout)).toBeGreaterThan(1000);
  });
});
