import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { AuditEntryEntity, AuditLogService, type AuditEvent } from '@ots/audit';
import { dataSourceOptions, NodeDataSource, SequenceCounterEntity } from '@ots/persistence';
import type { BackupManifest } from './backup-payload.js';
import { SQLITE_FILE, type NodeStorage } from './node-backup.js';

export const BACKED_UP_ACTION = 'node.backed-up';
export const RESTORED_ACTION = 'node.restored';

/** Who ran fedctl on the node's machine when no node authenticated them: the operating-system account and host. */
export function localActor(): string {
  return `os:${userInfo().username}@${hostname()}`;
}

/** The audit event of a backup: the file's SHA-256 as subject, so the entry names exactly which file it was. */
export function backedUpEvent(actor: string, sha256: string, keyMaterialIncluded: boolean, database: string): AuditEvent {
  return { actor, action: BACKED_UP_ACTION, subject: sha256, details: { keyMaterialIncluded, database } };
}

export function restoredEvent(actor: string, sha256: string, manifest: BackupManifest): AuditEvent {
  return {
    actor,
    action: RESTORED_ACTION,
    subject: sha256,
    details: {
      backupCreatedAt: manifest.createdAt,
      keyMaterialIncluded: manifest.keyMaterial === 'files',
      database: manifest.database.kind,
    },
  };
}

/**
 * Appends one entry to the node's audit chain from fedctl itself, for when no node process writes to that database:
 * after a restore, or a backup of a stopped SQLite node (fedctl holds its lock). The sequence counter is the same
 * row-locked one the node takes, so on PostgreSQL this also queues behind running replicas. Migrations run first, as
 * the node would run them at its next start.
 */
export async function appendAuditEntry(storage: NodeStorage, event: AuditEvent): Promise<number> {
  const dataSource = new NodeDataSource(
    dataSourceOptions({ databaseUrl: storage.databaseUrl, sqliteFile: join(storage.dataDir, SQLITE_FILE) }, [
      AuditEntryEntity,
      SequenceCounterEntity,
    ]),
  );
  await dataSource.initialize();
  try {
    return (await new AuditLogService(dataSource).record(event)).seq;
  } finally {
    await dataSource.destroy();
  }
}
