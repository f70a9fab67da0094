import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupSealer, openBackup, type ByteSource, type ScryptParams } from './backup-format.js';
import {
  DATABASE_ENTRY,
  encodeEntryHead,
  FILE_ENTRY_PREFIX,
  isSafeFileName,
  MANIFEST_ENTRY,
  parseManifest,
  readPayload,
  type BackupManifest,
  type KeyBackend,
} from './backup-payload.js';
import { BackupAlteredError } from './backup.errors.js';
import { findPgTool, pgDump, pgRestore, postgresIsEmpty } from './postgres-tools.js';

/** The node's database as fedctl reaches it: PostgreSQL when a URL is set, else the SQLite file in the data directory. */
export interface NodeStorage {
  country: string;
  dataDir: string;
  databaseUrl?: string;
}

export const SQLITE_FILE = 'node.sqlite';

/**
 * Files of the data directory that are not copied as files: the database (snapshotted through SQLite's backup API
 * instead, whose copy is consistent while the node writes) and the lock of the process that runs.
 */
const NOT_COPIED = /^(node\.sqlite(-wal|-shm|-journal)?|node\.lock(\..*)?)$/;

/** The files of the data directory a backup carries: the key store's files whatever their format, the dev IdP key. */
function dataDirectoryFiles(dataDir: string): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !NOT_COPIED.test(e.name) && isSafeFileName(e.name))
    .map((e) => e.name)
    .sort();
}

async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** SHA-256 of the whole backup file, as the audit entry records it. */
  sha256: string;
  bytes: number;
}

/**
 * Writes one backup file: a consistent snapshot of the database, then the data directory's files (read after the
 * snapshot, so every key the database refers to is there). The snapshot goes to a private temporary folder beside
 * `out` first (its size must be known before it is sealed), the file to `out.partial`, renamed when complete: a
 * half-written backup never carries the final name. Refuses to overwrite `out`.
 */
export async function writeBackup(
  storage: NodeStorage,
  options: { out: string; passphrase: Buffer; keyBackend: KeyBackend; scrypt?: ScryptParams },
): Promise<BackupResult> {
  const partial = `${options.out}.partial`;
  const output = await open(partial, 'wx', 0o600);
  let closed = false;
  let scratch: string | undefined;
  try {
    scratch = mkdtempSync(join(dirname(options.out), '.ots-backup-'));
    const snapshot = join(scratch, DATABASE_ENTRY);
    if (storage.databaseUrl) await pgDump(findPgTool('pg_dump'), storage.databaseUrl, snapshot);
    else await sqliteSnapshot(join(storage.dataDir, SQLITE_FILE), snapshot);
    const names = dataDirectoryFiles(storage.dataDir);
    const files = names.map((name) => ({ name, content: readFileSync(join(storage.dataDir, name)) }));
    const manifest: BackupManifest = {
      format: 'ots-node-backup',
      country: storage.country,
      createdAt: new Date().toISOString(),
      database: { kind: storage.databaseUrl ? 'postgres' : 'sqlite', size: statSync(snapshot).size },
      keyBackend: options.keyBackend,
      keyMaterial: options.keyBackend === 'pkcs11' ? 'none' : 'files',
      files: files.map((f) => ({ name: f.name, size: f.content.length })),
    };

    const hash = createHash('sha256');
    let bytes = 0;
    const sealer = await BackupSealer.create(
      async (piece) => {
        hash.update(piece);
        bytes += piece.length;
        await output.write(piece);
      },
      options.passphrase,
      { scrypt: options.scrypt },
    );
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    await sealer.write(encodeEntryHead(MANIFEST_ENTRY, manifestBytes.length));
    await sealer.write(manifestBytes);
    await sealer.write(encodeEntryHead(DATABASE_ENTRY, manifest.database.size));
    let copied = 0;
    for await (const chunk of fileChunks(snapshot)) {
      copied += chunk.length;
      await sealer.write(chunk);
    }
    if (copied !== manifest.database.size) throw new Error(`the database snapshot changed size while it was sealed`);
    for (const file of files) {
      await sealer.write(encodeEntryHead(`${FILE_ENTRY_PREFIX}${file.name}`, file.content.length));
      await sealer.write(file.content);
    }
    await sealer.finish();
    await output.sync();
    await output.close();
    closed = true;
    await rename(partial, options.out);
    return { manifest, sha256: hash.digest('hex'), bytes };
  } catch (err) {
    if (!closed) await output.close();
    await rm(partial, { force: true });
    throw err;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** SQLite's online backup API: a page-by-page copy that stays consistent while the running node keeps writing. */
async function sqliteSnapshot(file: string, to: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file}: no database (has the node ever started with this data directory?)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

/** Positional reads of a backup file; `close` when done. */
async function fileSource(path: string): Promise<{ read: ByteSource; close: () => Promise<void> }> {
  const handle = await open(path, 'r');
  let position = 0;
  return {
    read: async (length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      position += bytesRead;
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** Reads the whole backup, authenticating every chunk, and returns its manifest; writes nothing. */
export async function verifyBackup(path: string, passphrase: Buffer): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  await walkBackup(path, passphrase, {
    manifest: (m) => void (manifest = m),
    entry: () => ({ write: async () => undefined, close: async () => undefined }),
  });
  if (!manifest) throw new BackupAlteredError('the backup has no manifest');
  return manifest;
}

interface EntrySink {
  write(data: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** Decrypts the backup entry by entry: the manifest to `manifest`, every other entry's bytes into the sink `entry` opens. */
async function walkBackup(
  path: string,
  passphrase: Buffer,
  handlers: { manifest: (manifest: BackupManifest) => void; entry: (name: string, size: number) => EntrySink | Promise<EntrySink> },
): Promise<void> {
  const source = await fileSource(path);
  try {
    const { chunks } = await openBackup(source.read, passphrase);
    let current: { name: string; sink?: EntrySink; manifest?: Buffer[] } | undefined;
    let first = true;
    for await (const event of readPayload(chunks)) {
      if (event.kind === 'entry') {
        if (first !== (event.name === MANIFEST_ENTRY)) throw new BackupAlteredError('the backup does not start with its manifest');
        const wellNamed =
          event.name === MANIFEST_ENTRY ||
          event.name === DATABASE_ENTRY ||
          (event.name.startsWith(FILE_ENTRY_PREFIX) && isSafeFileName(event.name.slice(FILE_ENTRY_PREFIX.length)));
        if (!wellNamed) throw new BackupAlteredError(`the backup holds an entry named ${JSON.stringify(event.name)}`);
        current = first ? { name: event.name, manifest: [] } : { name: event.name, sink: await handlers.entry(event.name, event.size) };
        first = false;
      } else if (event.kind === 'data') {
        if (current?.manifest) current.manifest.push(event.data);
        else await current?.sink?.write(event.data);
      } else {
        if (current?.manifest) handlers.manifest(parseManifest(Buffer.concat(current.manifest)));
        else await current?.sink?.close();
        current = undefined;
      }
    }
  } finally {
    await source.close();
  }
}

/** Why a restore target is refused. */
export type TargetProblem = { kind: 'data-dir-not-empty'; entries: string[] } | { kind: 'database-not-empty'; tables: number };

/** A data directory that does not exist or is empty, and (with PostgreSQL) a database without tables. */
export async function restoreTargetProblem(storage: NodeStorage): Promise<TargetProblem | undefined> {
  const entries = existsSync(storage.dataDir) ? readdirSync(storage.dataDir) : [];
  if (entries.length > 0) return { kind: 'data-dir-not-empty', entries };
  if (storage.databaseUrl) {
    const tables = await postgresIsEmpty(storage.databaseUrl);
    if (tables > 0) return { kind: 'database-not-empty', tables };
  }
  return undefined;
}

/**
 * Writes a verified backup into an empty target: the files with mode 0600, the SQLite database under a working name
 * renamed at the end, or the PostgreSQL dump through pg_restore in one transaction. The caller has verified the whole
 * file (verifyBackup) and holds the data directory's lock; if this fails half-way, what it wrote is removed again.
 */
export async function restoreBackup(storage: NodeStorage, path: string, passphrase: Buffer): Promise<BackupManifest> {
  const written: string[] = [];
  let manifest: BackupManifest | undefined;
  const sqliteDraft = join(storage.dataDir, `${SQLITE_FILE}.restoring`);
  try {
    await walkBackup(path, passphrase, {
      manifest: (m) => void (manifest = m),
      entry: async (name) => {
        if (name === DATABASE_ENTRY && storage.databaseUrl) return pgRestore(findPgTool('pg_restore'), storage.databaseUrl);
        const target = name === DATABASE_ENTRY ? sqliteDraft : join(storage.dataDir, name.slice(FILE_ENTRY_PREFIX.length));
        const handle = await open(target, 'wx', 0o600);
        written.push(target);
        return { write: async (data) => void (await handle.write(data)), close: async () => (await handle.sync(), await handle.close()) };
      },
    });
    if (!manifest) throw new BackupAlteredError('the backup has no manifest');
    if (manifest.database.kind === 'sqlite') {
      await rename(sqliteDraft, join(storage.dataDir, SQLITE_FILE));
      written.push(join(storage.dataDir, SQLITE_FILE));
    }
    return manifest;
  } catch (err) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  }
}
