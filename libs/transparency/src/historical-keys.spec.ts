import { describe, expect, it } from 'vitest';
import { generateRootKey, generateSignerKey, signHistoricalKeys, verifyHistoricalKeys } from '@ots/jws';
import { historicalKeysFromLog } from './historical-keys.service.js';
import { canonicalJson } from './log-entry.js';

describe(historicalKeysFromLog.name, () => {
  it('lists each revoked key with its JWK, exp and revocation, the graver reason winning, and nothing still in use', async () => {
    const [old, current] = [await generateSignerKey(), await generateSignerKey()];
    const root = await generateRootKey();
    const entries = [
      { event: 'key.added' as const, subject: root.kid, role: 'root', jwk: root.publicJwk },
      { event: 'key.added' as const, subject: old.kid, role: 'signer', jwk: old.publicJwk, exp: 2_000_000_000 },
      { event: 'key.added' as const, subject: current.kid, role: 'signer', jwk: current.publicJwk, exp: 2_000_000_000 },
      { event: 'key.revoked' as const, subject: old.kid, revoked_at: '2026-01-01T00:00:00.250Z', reason: 'superseded' },
      { event: 'key.revoked' as const, subject: root.kid, revoked_at: '2026-02-01T00:00:00.000Z', reason: 'superseded' },
      { event: 'key.revoked' as const, subject: old.kid, revoked_at: '2026-03-01T00:00:00.000Z', reason: 'compromised' },
      { event: 'key.revoked' as const, subject: old.kid, revoked_at: '2026-04-01T00:00:00.000Z', reason: 'superseded' },
    ];
    const keys = historicalKeysFromLog(entries);
    expect(keys.map((k) => k.kid)).toEqual([old.kid, root.kid]);
    expect(keys[0]).toMatchObject({
      x: old.publicJwk.x,
      exp: 2_000_000_000,
      revoked: { reason: 'compromised', revoked_at: 1_772_323_200 },
    });
    // A root has no certificate: it stopped at its revocation.
    expect(keys[1]).toMatchObject({ exp: 1_769_904_000, revoked: { reason: 'superseded', revoked_at: 1_769_904_000 } });
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it('round-trips as a jwk-set+jwt that only the trusted roots of its issuer open', async () => {
    const [root, other, signer] = [await generateRootKey(), await generateRootKey(), await generateSignerKey()];
    const keys = [
      { ...signer.publicJwk, kid: signer.kid, exp: 2_000_000_000, revoked: { revoked_at: 1_900_000_000, reason: 'compromised' as const } },
    ];
    const jwt = await signHistoricalKeys({ country: 'KZ', keys, signingRoot: root, issuedAt: 1_800_000_000 });
    expect(await verifyHistoricalKeys(jwt, 'KZ', new Map([[root.kid, root.publicJwk]]))).toEqual(keys);
    await expect(verifyHistoricalKeys(jwt, 'KZ', new Map([[other.kid, other.publicJwk]]))).rejects.toMatchObject({ reason: 'UNKNOWN_KEY' });
    await expect(verifyHistoricalKeys(jwt, 'TR', new Map([[root.kid, root.publicJwk]]))).rejects.toMatchObject({
      reason: 'UNTRUSTED_ISSUER',
    });
    const forged = await signHistoricalKeys({
      country: 'KZ',
      keys: [],
      signingRoot: { kid: root.kid, privateJwk: other.privateJwk },
      issuedAt: 1,
    });
    await expect(verifyHistoricalKeys(forged, 'KZ', new Map([[root.kid, root.publicJwk]]))).rejects.toMatchObject({
      reason: 'BAD_SIGNATURE',
    });
  });
});

describe(canonicalJson.name, () => {
  it('sorts members at every depth, drops undefined members and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});
