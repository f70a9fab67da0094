import { BackupAlteredError } from './backup.errors.js';

/**
 * Inside the encryption, the payload is a sequence of named entries, each `name length (u16) | name | size (u64) |
 * bytes`; the first is `manifest.json`. Sizes are known before an entry is written (snapshots go to a private
 * temporary file first), so entries of any size stream through without being held in memory.
 */
export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'database';
/** Files of the node's data directory are stored as `files/<name>`. */
export const FILE_ENTRY_PREFIX = 'files/';

export type DatabaseKind = 'sqlite' | 'postgres';
export type KeyBackend = 'file' | 'pkcs11';

export interface BackupManifest {
  format: 'ots-node-backup';
  country: string;
  createdAt: string;
  database: { kind: DatabaseKind; size: number };
  keyBackend: KeyBackend;
  /** `files`: the key files are among `files`; `none`: the keys live in the PKCS#11 token and are never exported. */
  keyMaterial: 'files' | 'none';
  files: { name: string; size: number }[];
}

export function encodeEntryHead(name: string, size: number): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length === 0 || bytes.length > 0xffff) throw new Error(`entry name of ${bytes.length} bytes`);
  const head = Buffer.alloc(2 + bytes.length + 8);
  head.writeUInt16BE(bytes.length, 0);
  bytes.copy(head, 2);
  head.writeBigUInt64BE(BigInt(size), 2 + bytes.length);
  return head;
}

export type PayloadEvent = { kind: 'entry'; name: string; size: number } | { kind: 'data'; data: Buffer } | { kind: 'end' };

/**
 * Splits the plaintext back into entries: an `entry` event, its bytes as `data` events (as they come, never joined),
 * then `end`. A payload that stops inside an entry head or entry is refused: the writer never produces one.
 */
export async function* readPayload(chunks: AsyncIterable<Buffer>): AsyncGenerator<PayloadEvent> {
  let buffered: Buffer = Buffer.alloc(0);
  let remaining = 0;
  let inEntry = false;
  for await (const chunk of chunks) {
    let data = chunk;
    while (data.length > 0) {
      if (inEntry) {
        const take = Math.min(remaining, data.length);
        if (take > 0) yield { kind: 'data', data: data.subarray(0, take) };
        remaining -= take;
        data = data.subarray(take);
        if (remaining === 0) {
          inEntry = false;
          yield { kind: 'end' };
        }
        continue;
      }
      buffered = buffered.length === 0 ? data : Buffer.concat([buffered, data]);
      const length = headLength(buffered);
      // An entry head cut by a chunk boundary: the rest comes with the next chunk.
      if (length === undefined || buffered.length < length) break;
      const nameLength = buffered.readUInt16BE(0);
      const name = buffered.subarray(2, 2 + nameLength).toString('utf8');
      const size = buffered.readBigUInt64BE(2 + nameLength);
      if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new BackupAlteredError(`entry ${name} has an impossible size`);
      yield { kind: 'entry', name, size: Number(size) };
      remaining = Number(size);
      data = buffered.subarray(length);
      buffered = Buffer.alloc(0);
      if (remaining === 0) yield { kind: 'end' };
      else inEntry = true;
    }
  }
  if (inEntry || buffered.length > 0) throw new BackupAlteredError('the backup payload ends inside an entry');
}

function headLength(buffered: Buffer): number | undefined {
  return buffered.length < 2 ? undefined : 2 + buffered.readUInt16BE(0) + 8;
}

/** The manifest as written, or BackupAlteredError: its entry has passed authentication, so a bad one is not ours. */
export function parseManifest(json: Buffer): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(json.toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupAlteredError('the backup manifest is not JSON');
  }
  if (manifest.format !== 'ots-node-backup' || typeof manifest.country !== 'string' || !Array.isArray(manifest.files))
    throw new BackupAlteredError('the backup manifest is not an OTS node manifest');
  return manifest;
}

/** A data-directory file name a backup may hold: a plain name, never a path that leaves the directory. */
export function isSafeFileName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,200}$/.test(name) && name !== '.' && name !== '..';
}
