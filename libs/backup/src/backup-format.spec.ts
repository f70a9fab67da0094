import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, BackupSealer, openBackup, passphraseFrom, STRONG_SCRYPT, type ByteSource } from './backup-format.js';
import { BackupAlteredError, BackupPassphraseError, BackupVersionError, NotABackupError } from './backup.errors.js';

/** Cheap scrypt for tests: the format is the same, only the cost differs (the header records it). */
const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = Buffer.from('correct horse battery staple');

async function seal(pieces: Buffer[], chunkSize = 1024): Promise<Buffer> {
  const out: Buffer[] = [];
  const sealer = await BackupSealer.create(async (piece) => void out.push(piece), PASSPHRASE, { scrypt: FAST, chunkSize });
  for (const piece of pieces) await sealer.write(piece);
  await sealer.finish();
  return Buffer.concat(out);
}

function source(file: Buffer): ByteSource {
  let position = 0;
  return async (length) => {
    const slice = file.subarray(position, position + length);
    position += slice.length;
    return slice;
  };
}

async function open(file: Buffer, passphrase = PASSPHRASE): Promise<Buffer> {
  const { chunks } = await openBackup(source(file), passphrase);
  const plain: Buffer[] = [];
  for await (const chunk of chunks) plain.push(chunk);
  return Buffer.concat(plain);
}

const flipBit = (file: Buffer, at: number): Buffer => {
  const copy = Buffer.from(file);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('the backup file format', () => {
  it('gives back exactly what was sealed, whatever the pieces and chunk boundaries', async () => {
    const data = randomBytes(5000);
    for (const pieces of [[data], [data.subarray(0, 1), data.subarray(1, 2048), data.subarray(2048)], [Buffer.alloc(0)]]) {
      const expected = Buffer.concat(pieces);
      expect((await open(await seal(pieces))).equals(expected)).toBe(true);
    }
    // A payload of exactly whole chunks still ends with a (short) last chunk of its own: nothing can be cut off unnoticed.
    expect((await open(await seal([randomBytes(2048)]))).length).toBe(2048);
  });

  it('starts with the magic and a header naming the KDF and its parameters, and nothing of the payload in clear', async () => {
    const secret = Buffer.from('PRIVATE KEY MATERIAL '.repeat(20));
    const file = await seal([secret]);
    expect(file.subarray(0, 8).equals(BACKUP_MAGIC)).toBe(true);
    expect(file[8]).toBe(1);
    const header = JSON.parse(file.subarray(13, 13 + file.readUInt32BE(9)).toString('utf8'));
    expect(header).toMatchObject({ kdf: { name: 'scrypt', logN: 10, r: 8, p: 1 }, aead: 'aes-256-gcm', chunkSize: 1024 });
    expect(file.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    // Every file has its own salt: the same payload and passphrase never give the same bytes.
    expect(file.equals(await seal([secret]))).toBe(false);
  });

  it('refuses a file with any one bit flipped, anywhere, as altered (or not a backup, in the magic)', async () => {
    const file = await seal([randomBytes(3000)]);
    for (let at = 0; at < file.length; at += 7) {
      const error = await open(flipBit(file, at)).catch((err: unknown) => err);
      if (at < BACKUP_MAGIC.length) expect(error).toBeInstanceOf(NotABackupError);
      else expect(error, `bit flipped at ${at}`).toBeInstanceOf(BackupAlteredError);
    }
  });

  it('tells a wrong passphrase from a changed file', async () => {
    const file = await seal([Buffer.from('payload')]);
    await expect(open(file, Buffer.from('not the passphrase at all'))).rejects.toBeInstanceOf(BackupPassphraseError);
  });

  it('refuses a cut-off file, chunks in another order and bytes after the last chunk', async () => {
    const file = await seal([randomBytes(4000)], 1024);
    await expect(open(file.subarray(0, file.length - 1))).rejects.toBeInstanceOf(BackupAlteredError);
    const headerEnd = 13 + file.readUInt32BE(9) + 64;
    const chunk = 5 + 1024 + 16;
    // The first three chunks are full: cutting the file after one of them leaves a valid-looking but unfinished file.
    await expect(open(file.subarray(0, headerEnd + 2 * chunk))).rejects.toThrow(/ends before its last chunk/);
    const swapped = Buffer.concat([
      file.subarray(0, headerEnd),
      file.subarray(headerEnd + chunk, headerEnd + 2 * chunk),
      file.subarray(headerEnd, headerEnd + chunk),
      file.subarray(headerEnd + 2 * chunk),
    ]);
    await expect(open(swapped)).rejects.toBeInstanceOf(BackupAlteredError);
    await expect(open(Buffer.concat([file, Buffer.from([0])]))).rejects.toThrow(/bytes after its last chunk/);
  });

  it('refuses what is not a backup, and KDF parameters out of bounds even when the header digest is recomputed', async () => {
    await expect(open(Buffer.from('hello, this is a text file'))).rejects.toBeInstanceOf(NotABackupError);
    await expect(open(Buffer.alloc(0))).rejects.toBeInstanceOf(NotABackupError);
    await expect(BackupSealer.create(async () => undefined, PASSPHRASE, { scrypt: { logN: 30, r: 8, p: 1 } })).rejects.toBeInstanceOf(
      BackupVersionError,
    );
  });

  it('uses strong scrypt parameters by default: 128 MiB per guess', () => {
    expect(128 * 2 ** STRONG_SCRYPT.logN * STRONG_SCRYPT.r).toBe(128 * 1024 * 1024);
  });

  it('takes the passphrase from a file without its final newline, and refuses one under 12 bytes', () => {
    expect(passphraseFrom(Buffer.from('correct horse battery\n'))?.toString()).toBe('correct horse battery');
    expect(passphraseFrom(Buffer.from('short\n'))).toBeUndefined();
  });
});
