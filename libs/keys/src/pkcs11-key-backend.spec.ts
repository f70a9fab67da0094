import { execFileSync } from 'node:child_process';
import { createPublicKey, diffieHellman, generateKeyPairSync, verify, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptCompact, encryptCompact, parseCompactJws, signCompact, verifySignature } from '@ots/jws';
import type { StoredKey } from './key-file.js';
import { HsmPinWrongError, HsmUnavailableError } from './keys.errors.js';
import { Pkcs11KeyBackend } from './pkcs11-key-backend.js';

const MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/** A SoftHSM2 token of its own in a temporary folder (SOFTHSM2_CONF is read when the module initialises). */
function softHsmToken(label: string, pin: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'ots-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  writeFileSync(
    join(dir, 'softhsm2.conf'),
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = join(dir, 'softhsm2.conf');
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '87654321'], { stdio: 'ignore' });
}

const stored = (role: StoredKey['role'], generated: { kid: string; alg: string; hsmId?: string; publicJwk: object }): StoredKey =>
  ({ role, kid: generated.kid, alg: generated.alg, hsmId: generated.hsmId, publicJwk: generated.publicJwk, createdAt: '' }) as StoredKey;

describe(Pkcs11KeyBackend.name, () => {
  let sut: Pkcs11KeyBackend;
  const made: string[] = [];

  beforeAll(() => softHsmToken('ots-unit', '1234'));

  // First, while no backend has the module initialised (one PKCS #11 library per process).
  it('refuses a wrong PIN and an unknown token label with typed errors', () => {
    expect(() => Pkcs11KeyBackend.open({ module: MODULE, tokenLabel: 'ots-unit', pin: '9999' })).toThrow(HsmPinWrongError);
    expect(() => Pkcs11KeyBackend.open({ module: MODULE, tokenLabel: 'no-such-token', pin: '1234' })).toThrow(HsmUnavailableError);
    sut = Pkcs11KeyBackend.open({ module: MODULE, tokenLabel: 'ots-unit', pin: '1234' });
  });

  it('generates an Ed25519 key in the token that signs a JWS verifying with its public JWK', async () => {
    const generated = await sut.generate('signer');
    made.push(generated.hsmId!);
    expect(generated.privateJwk).toBeUndefined();
    expect(generated.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: generated.kid });
    const key = sut.signingKey(stored('signer', generated))!;
    const jws = await signCompact({ hello: 'world' }, { typ: 'test+jwt', kid: generated.kid }, key);
    await expect(verifySignature(parseCompactJws(jws, 'test+jwt'), generated.publicJwk)).resolves.toBeUndefined();
    const cut = jws.lastIndexOf('.');
    const publicKey = createPublicKey({ key: generated.publicJwk as NodeJsonWebKey, format: 'jwk' });
    expect(verify(null, Buffer.from(jws.slice(0, cut)), publicKey, Buffer.from(jws.slice(cut + 1), 'base64url'))).toBe(true);
  });

  it('derives the X25519 secret node:crypto derives, and opens a JWE sent to the token key', async () => {
    const generated = await sut.generate('enc');
    made.push(generated.hsmId!);
    expect(generated.publicJwk).toMatchObject({ kty: 'OKP', crv: 'X25519', alg: 'ECDH-ES+A256KW' });
    const key = sut.agreementKey(stored('enc', generated))!;
    const peer = generateKeyPairSync('x25519');
    const expected = diffieHellman({
      privateKey: peer.privateKey,
      publicKey: createPublicKey({ key: generated.publicJwk as NodeJsonWebKey, format: 'jwk' }),
    });
    const peerX = Buffer.from(peer.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
    expect(key.deriveSharedSecret(peerX).equals(expected)).toBe(true);
    expect(decryptCompact(encryptCompact('sealed', generated.publicJwk), key)).toBe('sealed');
  });

  it('finds its keys again by CKA_ID after a restart, and the token keeps them sensitive and not extractable', async () => {
    const generated = await sut.generate('root');
    made.push(generated.hsmId!);
    sut.close();
    sut = Pkcs11KeyBackend.open({ module: MODULE, tokenLabel: 'ots-unit', pin: '1234' });
    expect(sut.signingKey(stored('root', generated))!.sign(Buffer.from('x'))).toHaveLength(64);
    sut.close();

    const raw = new pkcs11js.PKCS11();
    raw.load(MODULE);
    raw.C_Initialize();
    try {
      const slot = raw.C_GetSlotList(true).find((s) => raw.C_GetTokenInfo(s).label.trim() === 'ots-unit')!;
      const session = raw.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      raw.C_Login(session, pkcs11js.CKU_USER, '1234');
      for (const id of made) {
        raw.C_FindObjectsInit(session, [{ type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') }]);
        const handle = raw.C_FindObjects(session)!;
        raw.C_FindObjectsFinal(session);
        const [sensitive, extractable] = raw.C_GetAttributeValue(session, handle, [
          { type: pkcs11js.CKA_SENSITIVE },
          { type: pkcs11js.CKA_EXTRACTABLE },
        ]);
        expect([sensitive?.value, extractable?.value]).toEqual([Buffer.from([1]), Buffer.from([0])]);
        expect(() => raw.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }])).toThrow(/CKR_ATTRIBUTE_SENSITIVE/);
      }
    } finally {
      raw.C_Finalize();
    }
  });
});
