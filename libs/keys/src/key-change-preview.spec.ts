import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CERTIFICATE_LIFETIME_SECONDS } from '@ots/jws';
import { previewKeyChange, type DescribedKey } from './key-change-preview.js';
import { FileKeyBackend } from './key-backend.js';
import { KeyStore } from './key-store.js';

const NOW = 1_760_000_000;
const key = (role: DescribedKey['role'], kid: string, retired = false): DescribedKey => ({
  role,
  kid,
  createdAt: '2025-01-01T00:00:00.000Z',
  retiredAt: retired ? '2025-06-01T00:00:00.000Z' : null,
  certificateExpiresAt: role === 'root' ? null : NOW + 1000,
});
const KEYS = [key('root', 'R1'), key('signer', 'S0', true), key('signer', 'S1'), key('enc', 'E1'), key('log', 'L1')];

describe(previewKeyChange.name, () => {
  it('rotating the signer retires the current one and adds a certificate from now, roots unchanged', () => {
    expect(previewKeyChange(KEYS, 'rotate-signer', NOW)).toEqual({
      change: 'rotate-signer',
      blockedBy: null,
      added: [{ role: 'signer', kid: null, validFrom: NOW, validTo: NOW + MAX_CERTIFICATE_LIFETIME_SECONDS, certifiedBy: 'R1' }],
      retiring: [{ role: 'signer', kid: 'S1', validFrom: null, validTo: NOW + 1000, certifiedBy: null }],
      rootsKept: ['R1'],
      signedBy: 'R1',
    });
  });

  it('adding a root announces a second one under the current root; a third is blocked', () => {
    const preview = previewKeyChange(KEYS, 'add-root', NOW);
    expect(preview).toMatchObject({ blockedBy: null, retiring: [], rootsKept: ['R1'], signedBy: 'R1' });
    expect(preview.added).toEqual([{ role: 'root', kid: null, validFrom: null, validTo: null, certifiedBy: null }]);
    expect(previewKeyChange([...KEYS, key('root', 'R2')], 'add-root', NOW)).toMatchObject({ blockedBy: 'two-roots-active', added: [] });
  });

  it('retiring a root re-certifies signer, encryption and log keys under the remaining root, which then signs', () => {
    const preview = previewKeyChange([...KEYS, key('root', 'R2')], 'retire-root', NOW, 'R1');
    expect(preview.blockedBy).toBeNull();
    expect(preview.rootsKept).toEqual(['R2']);
    expect(preview.signedBy).toBe('R2');
    expect(preview.retiring.map((k) => k.kid)).toEqual(['R1', 'S1', 'E1', 'L1']);
    expect(preview.added.map((k) => [k.role, k.certifiedBy])).toEqual([
      ['signer', 'R2'],
      ['enc', 'R2'],
      ['log', 'R2'],
    ]);
  });

  it('blocks retiring the only root or one that is not an active root', () => {
    expect(previewKeyChange(KEYS, 'retire-root', NOW, 'R1').blockedBy).toBe('only-root');
    expect(previewKeyChange(KEYS, 'retire-root', NOW, 'S1').blockedBy).toBe('not-an-active-root');
    expect(previewKeyChange(KEYS, 'retire-root', NOW).blockedBy).toBe('not-an-active-root');
  });

  it('foretells what the key store then does', async () => {
    const store = await KeyStore.open(mkdtempSync(join(tmpdir(), 'ots-preview-')), 'KZ', new FileKeyBackend());
    const preview = previewKeyChange(store.describe(), 'rotate-signer', Math.floor(Date.now() / 1000));
    const before = store.currentSigner().kid;
    await store.rotateSigner();
    expect(preview.retiring.map((k) => k.kid)).toEqual([before]);
    const published = store.publicJwks().map((j) => j.kid);
    expect(published).not.toContain(before);
    expect(published).toContain(store.currentSigner().kid);
    expect(store.activeRoots().map((k) => k.kid)).toEqual(preview.rootsKept);
  });
});
