import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyBackend } from './key-backend.js';
import { deriveKeyFileKey, openKeyFile, sealKeyFile } from './key-file-crypto.js';
import { KeyStore } from './key-store.js';
import { KeyPassphraseMissingError, KeyPassphraseWrongError } from './keys.errors.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ots-keys-enc-'));

describe('encrypted key file', () => {
  const fileKey = deriveKeyFileKey('correct horse battery staple');

  it('opens with its passphrase and names scrypt and A256GCM with their parameters', () => {
    const sealed = sealKeyFile('{"keys":[]}', fileKey);
    expect(sealed).toMatchObject({
      format: 'ots-encrypted-keys',
      version: 1,
      cipher: 'A256GCM',
      kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 },
    });
    const opened = openKeyFile(JSON.parse(JSON.stringify(sealed)), 'correct horse battery staple');
    expect(opened.ok && opened.plaintext).toBe('{"keys":[]}');
  });

  it('refuses a wrong passphrase, a changed ciphertext, nonce, tag or KDF parameter', () => {
    const sealed = sealKeyFile('{"keys":[]}', fileKey);
    expect(openKeyFile(sealed, 'wrong')).toEqual({ ok: false, why: 'wrong-passphrase' });
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[0] = (bytes[0] as number) ^ 1;
      return bytes.toString('base64url');
    };
    for (const changed of [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, iv: flip(sealed.iv) },
      { ...sealed, tag: flip(sealed.tag) },
      { ...sealed, kdf: { ...sealed.kdf, salt: flip(sealed.kdf.salt) } },
    ]) {
      expect(openKeyFile(changed, 'correct horse battery staple').ok).toBe(false);
    }
    expect(openKeyFile({ ...sealed, tag: sealed.tag.slice(0, 11) }, 'correct horse battery staple')).toEqual({ ok: false, why: 'damaged' });
    expect(openKeyFile({ ...sealed, cipher: 'A128CBC-HS256' }, 'correct horse battery staple')).toEqual({ ok: false, why: 'damaged' });
  });
});

describe('KeyStore with a passphrase', () => {
  it('creates keys.json encrypted, and reopens it only with the passphrase', async () => {
    const dir = tempDir();
    const first = await KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'secret');
    const text = readFileSync(join(dir, 'keys.json'), 'utf8');
    expect(JSON.parse(text).format).toBe('ots-encrypted-keys');
    expect(text).not.toContain(first.currentSigner().kid);
    const again = await KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'secret');
    expect(again.currentSigner().kid).toBe(first.currentSigner().kid);
    await expect(KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'other')).rejects.toThrow(KeyPassphraseWrongError);
    await expect(KeyStore.open(dir, 'KZ', new FileKeyBackend())).rejects.toThrow(KeyPassphraseMissingError);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe(text);
  });

  it('migrates a clear keys.json of before on the first start with a passphrase, leaving no clear copy', async () => {
    const dir = tempDir();
    const clear = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    const signer = clear.currentSigner().kid;
    expect(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')).keys).toHaveLength(4);
    const migrated = await KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'secret');
    expect(migrated.currentSigner().kid).toBe(signer);
    expect(migrated.takeEvents().map((e) => e.action)).toEqual(['keys.migrated']);
    expect(readdirSync(dir)).toEqual(['keys.json']);
    const text = readFileSync(join(dir, 'keys.json'), 'utf8');
    expect(JSON.parse(text).format).toBe('ots-encrypted-keys');
    expect(text).not.toContain('"d"');
  });

  it('refuses a tampered encrypted file without rewriting it', async () => {
    const dir = tempDir();
    await KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'secret');
    const envelope = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    const bytes = Buffer.from(envelope.ciphertext, 'base64url');
    bytes[10] = (bytes[10] as number) ^ 0x80;
    const tampered = `${JSON.stringify({ ...envelope, ciphertext: bytes.toString('base64url') })}\n`;
    writeFileSync(join(dir, 'keys.json'), tampered);
    await expect(KeyStore.open(dir, 'KZ', new FileKeyBackend(), 'secret')).rejects.toThrow(KeyPassphraseWrongError);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe(tampered);
  });
});
