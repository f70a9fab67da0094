import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySignerCertificate } from '@ots/jws';
import { FileKeyBackend } from './key-backend.js';
import { KeyStore } from './key-store.js';
import { signKeyRequest } from './key-request.js';

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

  it('runs without its root after export-root: what needs the root is ROOT_KEY_OFFLINE, a request certified offline installs the new key', async () => {
    const dir = tempDir();
    const sut = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    const oldSigner = sut.currentSigner().kid;
    const root = await sut.exportRoot(async () => ({ entityConfiguration: 'last-statement' }));
    expect(typeof root.d).toBe('string');
    expect(sut.rootOffline).toBe(true);
    expect(sut.offlineEntityConfiguration).toBe('last-statement');
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).not.toContain(root.d as string);
    await expect(sut.rotateSigner()).rejects.toMatchObject({ code: 'ROOT_KEY_OFFLINE' });
    expect(sut.currentSigner().kid).toBe(oldSigner);

    const request = await sut.requestCertificate('signer', '5b0f9a4e-8f0c-4a53-9d77-2f4b1d0c6e11');
    // Pending, not current, and kept across a restart (which does not need the root either).
    expect(sut.currentSigner().kid).toBe(oldSigner);
    const reopened = await KeyStore.open(dir, 'KZ', new FileKeyBackend());
    const response = await signKeyRequest(request, { publicJwk: reopened.rootPublicJwks()[0]!, key: root });
    await expect(reopened.importResponse({ ...response, requestId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'KEY_REQUEST_INVALID',
    });
    await expect(reopened.importResponse({ ...response, signed: `${response.signed}x` })).rejects.toMatchObject({
      code: 'KEY_IMPORT_TAMPERED',
    });
    expect(await reopened.importResponse(response)).toEqual({ requestId: request.requestId, kind: 'signer', kid: request.payload.sub });
    expect(reopened.currentSigner().kid).toBe(request.payload.sub);
    const roots = new Map(reopened.rootPublicJwks().map((jwk) => [jwk.kid as string, jwk]));
    await verifySignerCertificate(reopened.currentSigner().certificate, roots, 'KZ', Math.floor(Date.now() / 1000));
    await expect(reopened.importResponse(response)).rejects.toMatchObject({ code: 'KEY_REQUEST_INVALID' });

    // The entity configuration: signed offline over exactly what the node asked, then the one it serves.
    const payload = {
      iss: 'KZ',
      sub: 'KZ',
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 86_400,
      jwks: { keys: [] },
    };
    const statement = await reopened.requestStatement('entity-configuration', '6c1a0b5f-9f1d-4b64-8e88-3a5c2e1d7f22', payload);
    const signedStatement = await signKeyRequest(statement, { publicJwk: reopened.rootPublicJwks()[0]!, key: root });
    expect(await reopened.importResponse(signedStatement)).toMatchObject({ kind: 'entity-configuration', kid: root.kid });
    expect(reopened.offlineEntityConfiguration).toBe(signedStatement.signed);
  });

  it('refuses an entity configuration request while the root is on the node: it signs that itself', async () => {
    const sut = await KeyStore.open(tempDir(), 'KZ', new FileKeyBackend());
    await expect(sut.requestStatement('entity-configuration', '6c1a0b5f-9f1d-4b64-8e88-3a5c2e1d7f22', {})).rejects.toThrow(
      /signs the entity-configuration statement itself/,
    );
  });
});
