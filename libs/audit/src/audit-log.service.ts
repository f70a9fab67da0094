import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { runStatement, storedValue, takeNextInSequence } from '@ots/persistence';
import { auditHash, findBrokenEntry, GENESIS_HASH } from './audit-chain.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditEvent {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/**
 * The append-only, hash-chained audit log. Entries are written inside the
 * caller's transaction, so a change and its audit line commit together or
 * not at all; the sequence number comes from a row-locked counter, so
 * concurrent writers (replicas on one database) queue and the chain never
 * forks.
 */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, event: AuditEvent): Promise<AuditEntryEntity> {
    // Taking the number locks the counter row until commit: the previous entry is committed before the next is written.
    // Every message writes an entry on both nodes, hence plain statements (docs/benchmarks.md).
    const seq = await takeNextInSequence(manager, 'audit-seq');
    const [last] = seq > 1 ? await runStatement<{ hash: string }>(manager, 'SELECT "hash" FROM "audit_entry" WHERE "seq" = ?', [seq - 1]) : [];
    const at = new Date();
    const record = {
      seq,
      at: at.toISOString(),
      actor: event.actor.slice(0, 128),
      action: event.action,
      subject: event.subject.slice(0, 128),
      details: JSON.stringify(event.details ?? {}),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const entry = manager.getRepository(AuditEntryEntity).create({ ...record, at, prevHash, hash: auditHash(prevHash, record) });
    await runStatement(manager, 'INSERT INTO "audit_entry" ("seq", "at", "actor", "action", "subject", "details", "prev_hash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      entry.seq,
      storedValue(manager, AuditEntryEntity, 'at', at),
      entry.actor,
      entry.action,
      entry.subject,
      entry.details,
      entry.prevHash,
      entry.hash,
    ]);
    return entry;
  }

  /** Appends in a transaction of its own, for events with no other change (refused requests). */
  record(event: AuditEvent): Promise<AuditEntryEntity> {
    return this.dataSource.transaction((manager) => this.append(manager, event));
  }

  list(limit: number): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'DESC' }, take: limit });
  }

  /** Recomputes the whole chain; names the first broken entry. */
  async verify(): Promise<{ entries: number; broken?: { seq: number; problem: string } }> {
    const entries = await this.dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } });
    const broken = findBrokenEntry(entries.map((e) => ({ ...e, at: e.at.toISOString() })));
    return { entries: entries.length, ...(broken ? { broken } : {}) };
  }
}
