import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySignerCertificate } from '@ots/jws';
import { FileKeyBackend } from './key-backend.js';
import { KeyStore } from './key-store.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ots-keys-'));

describe(KeyStore.name, () => {
  it('creates a root, a certified signer, encryption and log key on first open, in a 0600 file', async () => {
    const dir = tempDir();
    const sut = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    expect(sut.activeRoots()).toHaveLength(1);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const roots = new Map(sut.rootPublicJwks().map((jwk) => [jwk.kid as string, jwk]));
    const signer = await verifySignerCertificate(sut.currentSigner().certificate, roots, 'KZ', Math.floor(Date.now() / 1000));
    expect(signer.payload.use).toEqual(['doc', 'msg']);
    const enc = await verifySignerCertificate(sut.currentEncryptionKey().certificate, roots, 'KZ', Math.floor(Date.now() / 1000));
    expect(enc.payload.jwk.crv).toBe('X25519');
    const log = await verifySignerCertificate(sut.currentLogKey().certificate, roots, 'KZ', Math.floor(Date.now() / 1000));
    expect(log.payload.use).toEqual(['log']);
    expect(sut.publicJwks().map((k) => k.use)).toEqual(['sig', 'sig', 'enc', 'sig']);
    expect(JSON.stringify(sut.publicJwks())).not.toContain('"d"');
  });

  it('re-certifies every certified key under the new root at a rollover, and keeps the retired ones in its history', async () => {
    const sut = await KeyStore.open(tempDir(), 'KZ', new FileKeyBackend());
    const [oldRoot, oldLog] = [sut.signingRoot().kid, sut.currentLogKey().kid];
    const newRoot = await sut.addRoot();
    await sut.retireRoot(oldRoot);
    const roots = new Map(sut.rootPublicJwks().map((jwk) => [jwk.kid as string, jwk]));
    expect([...roots.keys()]).toEqual([newRoot]);
    const log = await verifySignerCertificate(sut.currentLogKey().certificate, roots, 'KZ', Math.floor(Date.now() / 1000));
    expect(log.payload.use).toEqual(['log']);
    expect(sut.currentLogKey().kid).not.toBe(oldLog);
    const retired = sut
      .history()
      .filter((k) => k.retiredAt)
      .map((k) => k.kid);
    expect(retired).toEqual(expect.arrayContaining([oldRoot, oldLog]));
    expect(JSON.stringify(sut.history())).not.toContain('"d"');
  });

  it('keeps the same keys across restarts', async () => {
    const dir = tempDir();
    const first = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    const before = readFileSync(join(dir, 'keys.json'), 'utf8');
    const second = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    expect(second.signingRoot().kid).toBe(first.signingRoot().kid);
    expect(second.currentSigner().kid).toBe(first.currentSigner().kid);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe(before);
  });

  it("refuses another country's key file", async () => {
    const dir = tempDir();
    await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    await expect(KeyStore.open(dir, 'TR', new FileKeyBackend())).rejects.toThrow(/holds the keys of KZ, not TR/);
  });

  it('refuses a damaged key file and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keys.json'), '{"version":1,"country":"KZ","keys":[{"role":"root"}]}');
    await expect(KeyStore.open(dir, 'KZ', new FileKeyBackend())).rejects.toThrow(/key file is damaged: keys\[0\]\.kid/);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe('{"version":1,"country":"KZ","keys":[{"role":"root"}]}');
  });
});
