import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeEntryHead, isSafeFileName, parseManifest, readPayload, type PayloadEvent } from './backup-payload.js';
import { BackupAlteredError } from './backup.errors.js';

async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function entries(data: Buffer, size: number): Promise<{ name: string; content: Buffer }[]> {
  const out: { name: string; content: Buffer[] }[] = [];
  let open = false;
  for await (const event of readPayload(pieces(data, size)) as AsyncGenerator<PayloadEvent>) {
    if (event.kind === 'entry') {
      expect(open).toBe(false);
      out.push({ name: event.name, content: [] });
      open = true;
    } else if (event.kind === 'data') out.at(-1)?.content.push(event.data);
    else open = false;
  }
  expect(open).toBe(false);
  return out.map((e) => ({ name: e.name, content: Buffer.concat(e.content) }));
}

describe('the backup payload', () => {
  const a = randomBytes(3000);
  const b = Buffer.alloc(0);
  const c = Buffer.from('{"kid":"x"}');
  const payload = Buffer.concat([
    encodeEntryHead('manifest.json', c.length),
    c,
    encodeEntryHead('database', a.length),
    a,
    encodeEntryHead('files/empty', 0),
    b,
    encodeEntryHead('files/keys.json', c.length),
    c,
  ]);

  it('splits back into the entries written, however the plaintext is cut into chunks', async () => {
    for (const size of [1, 3, 17, 1000, payload.length]) {
      const got = await entries(payload, size);
      expect(got.map((e) => e.name)).toEqual(['manifest.json', 'database', 'files/empty', 'files/keys.json']);
      expect(got[1]?.content.equals(a)).toBe(true);
      expect(got[2]?.content.length).toBe(0);
      expect(got[3]?.content.equals(c)).toBe(true);
    }
  });

  it('refuses a payload that stops inside an entry head or an entry', async () => {
    await expect(entries(payload.subarray(0, payload.length - 1), 64)).rejects.toBeInstanceOf(BackupAlteredError);
    await expect(entries(payload.subarray(0, 5), 64)).rejects.toBeInstanceOf(BackupAlteredError);
  });

  it('reads a manifest and refuses anything else in its place', () => {
    const manifest = { format: 'ots-node-backup', country: 'KZ', files: [] };
    expect(parseManifest(Buffer.from(JSON.stringify(manifest))).country).toBe('KZ');
    expect(() => parseManifest(Buffer.from('{"country":"KZ"}'))).toThrow(BackupAlteredError);
    expect(() => parseManifest(Buffer.from('not json'))).toThrow(BackupAlteredError);
  });

  it('restores files only under plain names inside the data directory', () => {
    for (const name of ['keys.json', 'dev-idp-key.json', 'keys.enc']) expect(isSafeFileName(name)).toBe(true);
    for (const name of ['../keys.json', '/etc/passwd', 'a/b', '.', '..', '', 'x'.repeat(201)]) expect(isSafeFileName(name)).toBe(false);
  });
});
