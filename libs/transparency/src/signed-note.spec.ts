import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import vector from './vectors/signed-note.json' with { type: 'json' };
import { leafHash, rootHash } from './merkle-tree.js';
import {
  cosignatureLine,
  cosignedAt,
  noteKeyId,
  openCheckpoint,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  verifierKey,
} from './signed-note.js';

const ORIGIN = 'ots.federation/KZ';
const log = generateKeyPairSync('ed25519');
const witness = generateKeyPairSync('ed25519');
const root = rootHash(['a', 'b', 'c'].map((s) => leafHash(Buffer.from(s))));

describe('signed notes', () => {
  it('reads and verifies the reference implementation’s example note', () => {
    const key = parseVerifierKey(vector.verifierKey);
    expect(key?.name).toBe('PeterNeumann');
    const note = parseNote(vector.note);
    expect(note?.signatures).toHaveLength(1);
    const [line] = note!.signatures;
    expect(line!.keyId).toEqual(noteKeyId('PeterNeumann', 0x01, key!.publicKey));
    expect(verify(null, Buffer.from(note!.body), key!.publicKey, line!.signature)).toBe(true);
    expect(parseVerifierKey(vector.verifierKey.replace('c74f20a3', 'c74f20a4'))).toBeUndefined();
  });

  it('signs a checkpoint that opens with the log key, and whose verifier key string round-trips', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }, ORIGIN, log.privateKey, log.publicKey);
    expect(note).toMatch(new RegExp(`^${ORIGIN}\\n3\\n${root.toString('base64').replace(/[+/]/g, '\\$&')}\\n\\n\u2014 ${ORIGIN} `));
    expect(openCheckpoint(note, ORIGIN, log.publicKey)).toMatchObject({ origin: ORIGIN, size: 3, rootHash: root });
    // Twenty keys, so that base64 '+' and '/' (which the key string's own '+' separators must not be confused with) occur.
    for (const { publicKey } of [log, ...Array.from({ length: 20 }, () => generateKeyPairSync('ed25519'))]) {
      const parsed = parseVerifierKey(verifierKey(ORIGIN, publicKey));
      expect(parsed?.publicKey.export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
    }
  });

  it('refuses a checkpoint with a changed size, another origin, another key or no signature', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }, ORIGIN, log.privateKey, log.publicKey);
    expect(openCheckpoint(note.replace('\n3\n', '\n4\n'), ORIGIN, log.publicKey)).toBeUndefined();
    expect(openCheckpoint(note, 'ots.federation/TR', log.publicKey)).toBeUndefined();
    expect(openCheckpoint(note, ORIGIN, witness.publicKey)).toBeUndefined();
    expect(openCheckpoint(note.slice(0, note.indexOf('\n\n') + 2), ORIGIN, log.publicKey)).toBeUndefined();
  });

  it('adds a witness cosignature that verifies with its time, and only over the body it was made for', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }, ORIGIN, log.privateKey, log.publicKey);
    const opened = openCheckpoint(note, ORIGIN, log.publicKey)!;
    const cosigned = note + cosignatureLine(opened.body, 'ots.federation/TR', witness.privateKey, witness.publicKey, 1_764_600_000);
    const again = openCheckpoint(cosigned, ORIGIN, log.publicKey)!;
    expect(cosignedAt(again.body, again.signatures, 'ots.federation/TR', witness.publicKey)).toBe(1_764_600_000);
    expect(cosignedAt(again.body, again.signatures, 'ots.federation/UZ', witness.publicKey)).toBeUndefined();
    expect(cosignedAt(again.body.replace('\n3\n', '\n4\n'), again.signatures, 'ots.federation/TR', witness.publicKey)).toBeUndefined();
  });
});
