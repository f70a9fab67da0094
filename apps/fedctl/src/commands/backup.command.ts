import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  appendAuditEntry,
  backedUpEvent,
  BackupError,
  localActor,
  passphraseFrom,
  restoreBackup,
  restoredEvent,
  restoreTargetProblem,
  verifyBackup,
  writeBackup,
  type KeyBackend,
  type NodeStorage,
} from '@ots/backup';
import { ConfigError, DataDirectoryLock } from '@ots/config';
import { CliContext } from '../cli-context.js';
import { CliError, UsageError } from '../cli-error.js';
import { graphqlRequest } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import type { CliMessageKey } from '../i18n/cli-messages.js';
import { RecordBackupDocument } from '../operations/generated.js';
import type { GlobalOptions } from '../output.js';

interface StorageOptions {
  node?: string;
  passphraseFile: string;
  databaseUrl?: string;
  json?: boolean;
}

/** The line fedctl prints for each refusal of the backup library, by its stable code. */
const REFUSALS: Record<string, CliMessageKey> = {
  BACKUP_NOT_A_BACKUP: 'backupNotABackup',
  BACKUP_VERSION_UNSUPPORTED: 'backupVersion',
  BACKUP_ALTERED: 'backupAltered',
  BACKUP_WRONG_PASSPHRASE: 'backupWrongPassphrase',
};

function refused(err: unknown, path: string): never {
  const key = err instanceof BackupError ? REFUSALS[err.code] : undefined;
  if (err instanceof BackupError && key) throw new CliError(key, { path }, 1, err.code);
  throw err;
}

/** The node's storage as the node itself would find it: its folder under the data root, DATABASE_URL if set. */
function storageOf(command: Command, options: StorageOptions): { context: CliContext; storage: NodeStorage; passphrase: Buffer } {
  const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
  const node = options.node ?? process.env.NODE_COUNTRY;
  if (!node) throw new UsageError('whichNode');
  const country = context.countryOrFail(node);
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('badDatabaseUrl', { value: databaseUrl });
  let content: Buffer;
  try {
    content = readFileSync(options.passphraseFile);
  } catch (err) {
    throw new CliError('cannotRead', { path: options.passphraseFile, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  const passphrase = passphraseFrom(content);
  if (!passphrase) throw new UsageError('weakPassphrase', { path: options.passphraseFile });
  return { context, storage: { country, dataDir: context.nodeDataDir(country), databaseUrl }, passphrase };
}

/** KEY_BACKEND as the node reads it: `file` (keys in the data directory) unless `pkcs11` (keys in a token). */
function keyBackend(): KeyBackend {
  const value = process.env.KEY_BACKEND || 'file';
  if (value !== 'file' && value !== 'pkcs11') throw new UsageError('badKeyBackend', { value });
  return value;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const withStorageOptions = (command: Command): Command =>
  command
    .option('--node <CC>', "the country whose node's data this is, on this machine (default: $NODE_COUNTRY)")
    .requiredOption('--passphrase-file <file>', 'file holding the passphrase the backup is encrypted with (at least 12 characters)')
    .option('--database-url <url>', "the node's PostgreSQL database (default: $DATABASE_URL; none: the SQLite file in its data directory)")
    .option('--json', 'print the result as JSON, for scripts');

export function registerBackupCommands(program: Command): void {
  withStorageOptions(
    program
      .command('backup')
      .description(
        "on the node's machine: write one encrypted file with a consistent snapshot of the node's database and its key files, while it runs",
      )
      .requiredOption('--out <file>', 'the backup file to write (never overwritten)')
      .option('--token <jwt>', 'admin bearer token for the running node, which records the backup (default: $OTS_TOKEN or the dev IdP)')
      .option('--url <url>', 'where the running node answers (default: its federation-config port plus --port-offset, on 127.0.0.1)'),
  ).action(async (options: StorageOptions & { out: string; token?: string; url?: string }, command: Command) => {
    const { context, storage, passphrase } = storageOf(command, options);
    const backend = keyBackend();
    const out = resolve(options.out);
    if (!existsSync(storage.dataDir)) throw new CliError('backupNoNode', { country: storage.country, dir: storage.dataDir });
    if (existsSync(out)) throw new CliError('backupOutExists', { path: out });
    if (options.url && !/^https?:\/\//.test(options.url)) throw new UsageError('badNodeUrl', { value: options.url });
    // A stopped SQLite node: fedctl takes its lock, so the node cannot start half-way through, and is the one writer.
    let lock: DataDirectoryLock | undefined;
    if (!storage.databaseUrl) {
      try {
        lock = DataDirectoryLock.acquire(storage.dataDir);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
      }
    }
    try {
      const result = await writeBackup(storage, { out, passphrase, keyBackend: backend });
      const included = result.manifest.keyMaterial === 'files';
      let seq: number;
      try {
        if (lock || storage.databaseUrl) {
          seq = await appendAuditEntry(storage, backedUpEvent(localActor(), result.sha256, included, result.manifest.database.kind));
        } else {
          // The running node is its SQLite database's one writer: it records the backup, naming the admin's token.
          const endpoint = `${(options.url ?? context.localUrl(storage.country)).replace(/\/+$/, '')}/graphql`;
          const token = await context.token(storage.country, 'admin', options.token);
          const data = await graphqlRequest({ endpoint, token }, RecordBackupDocument, {
            input: { sha256: result.sha256, keyMaterialIncluded: included },
          });
          seq = data.recordBackup;
        }
      } catch (err) {
        // No backup exists that the audit log does not name.
        rmSync(out, { force: true });
        throw err;
      }
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ file: out, bytes: result.bytes, sha256: result.sha256, auditSeq: seq, manifest: result.manifest })}\n`,
        );
        return;
      }
      const { country } = storage;
      process.stdout.write(`${cliText('backupWritten', { country, path: out, bytes: result.bytes, sha256: result.sha256, seq })}\n`);
      process.stdout.write(
        `${included ? cliText('backupKeysIncluded', { count: result.manifest.files.length }) : cliText('backupNoKeys')}\n`,
      );
    } finally {
      lock?.release();
    }
  });

  withStorageOptions(
    program
      .command('restore')
      .description("on the node's machine, with the node stopped: restore a backup into an empty data directory (and empty database)")
      .requiredOption('--in <file>', 'the backup file to restore'),
  ).action(async (options: StorageOptions & { in: string }, command: Command) => {
    const { storage, passphrase } = storageOf(command, options);
    const path = resolve(options.in);
    if (!existsSync(path)) throw new CliError('cannotRead', { path, reason: 'ENOENT' });
    const problem = await restoreTargetProblem(storage);
    if (problem?.kind === 'data-dir-not-empty')
      throw new CliError('restoreNotEmpty', { dir: storage.dataDir, count: problem.entries.length }, 1, 'RESTORE_TARGET_NOT_EMPTY');
    if (problem?.kind === 'database-not-empty')
      throw new CliError('restoreDatabaseNotEmpty', { count: problem.tables }, 1, 'RESTORE_TARGET_NOT_EMPTY');
    // The whole file is authenticated before anything is written: a refused backup leaves the target as it was.
    const manifest = await verifyBackup(path, passphrase).catch((err: unknown) => refused(err, path));
    if (manifest.country !== storage.country)
      throw new CliError('restoreWrongNode', { path, backup: manifest.country, country: storage.country }, 1, 'BACKUP_MISMATCH');
    const kind = storage.databaseUrl ? 'postgres' : 'sqlite';
    if (manifest.database.kind !== kind)
      throw new CliError('restoreWrongDatabase', { path, backup: manifest.database.kind, target: kind }, 1, 'BACKUP_MISMATCH');

    const created = !existsSync(storage.dataDir);
    const lock = DataDirectoryLock.acquire(storage.dataDir);
    let seq: number;
    try {
      await restoreBackup(storage, path, passphrase).catch((err: unknown) => refused(err, path));
      seq = await appendAuditEntry(storage, restoredEvent(localActor(), await sha256Of(path), manifest));
    } catch (err) {
      lock.release();
      if (created && readdirSync(storage.dataDir).length === 0) rmdirSync(storage.dataDir);
      throw err;
    }
    lock.release();
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ dataDir: storage.dataDir, auditSeq: seq, manifest })}\n`);
      return;
    }
    const { country } = storage;
    process.stdout.write(`${cliText('restored', { country, path, createdAt: manifest.createdAt, dir: storage.dataDir, seq })}\n`);
    process.stdout.write(`${manifest.keyMaterial === 'files' ? cliText('restoredKeys') : cliText('restoredNoKeys')}\n`);
  });
}
