import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs, type PageLimits } from '@ots/graphql-api';
import { insertEntities, keysetFind, keysetKey, runStatement, sqlNames, takeNextInSequence, type KeysetColumn } from '@ots/persistence';
import { auditHash, CHAIN_START, findBrokenEntry, GENESIS_HASH, type AuditRecord } from './audit-chain.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** An entry as a plain statement reads it: `at` as the driver stores it. */
type StoredEntry = Omit<AuditRecord, 'at'> & { at: unknown; prevHash: string; hash: string };

/** Entries read per page when the chain is verified: memory stays flat however long the log grows. */
const VERIFY_PAGE = 10_000;

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
/** The audit log as a connection: newest first, by sequence number. */
export const AUDIT_PAGES: PageLimits = RECORD_PAGES;
const AUDIT_KEY: KeysetColumn<AuditEntryEntity>[] = [{ property: 'seq' }];

@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, event: AuditEvent): Promise<AuditEntryEntity> {
    const [entry] = await this.appendMany(manager, [event]);
    return entry as AuditEntryEntity;
  }

  /** Appends consecutive entries: one counter update, one read of the previous hash, one INSERT. */
  async appendMany(manager: EntityManager, events: readonly AuditEvent[]): Promise<AuditEntryEntity[]> {
    if (events.length === 0) return [];
    // Taking the numbers locks the counter row until commit: the previous entry is committed before the next is written.
    // Every message writes an entry on both nodes, hence plain statements (docs/benchmarks.md).
    const first = await takeNextInSequence(manager, 'audit-seq', events.length);
    const { table, column: c } = sqlNames(manager, AuditEntryEntity);
    const [last] =
      first > 1
        ? await runStatement<{ hash: string }>(manager, `SELECT ${c('hash')} AS "hash" FROM ${table} WHERE ${c('seq')} = ?`, [first - 1])
        : [];
    const at = new Date();
    const repository = manager.getRepository(AuditEntryEntity);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const entries = events.map((event, i) => {
      const record = {
        seq: first + i,
        at: at.toISOString(),
        actor: event.actor.slice(0, 128),
        action: event.action,
        subject: event.subject.slice(0, 128),
        details: JSON.stringify(event.details ?? {}),
      };
      const entry = repository.create({ ...record, at, prevHash, hash: auditHash(prevHash, record) });
      prevHash = entry.hash;
      return entry;
    });
    await insertEntities(manager, AuditEntryEntity, entries);
    return entries;
  }

  /** Appends in a transaction of its own, for events with no other change (refused requests). */
  record(event: AuditEvent): Promise<AuditEntryEntity> {
    return this.dataSource.transaction((manager) => this.append(manager, event));
  }

  /** One page of the log, newest first (docs/api.md, "Paging"). */
  async list(args: ConnectionArgs): Promise<Connection<AuditEntryEntity>> {
    const request = pageRequest('audit', args, AUDIT_PAGES, AUDIT_KEY.length);
    const rows = await keysetFind(this.dataSource.getRepository(AuditEntryEntity), {}, AUDIT_KEY, request);
    return connectionFrom('audit', request, rows, (row) => keysetKey(row, AUDIT_KEY));
  }

  /**
   * Recomputes the whole chain; names the first broken entry. Reads it in pages by `seq` with plain statements
   * (loading every entity at once does not scale to a million entries: docs/benchmarks.md), each page checked
   * from where the one before it ended.
   */
  async verify(): Promise<{ entries: number; broken?: { seq: number; problem: string } }> {
    const manager = this.dataSource.manager;
    const { table, column: c } = sqlNames(manager, AuditEntryEntity);
    const atColumn = manager.connection.getMetadata(AuditEntryEntity).findColumnWithPropertyName('at') as ColumnMetadata;
    const select =
      `SELECT ${c('seq')} AS "seq", ${c('at')} AS "at", ${c('actor')} AS "actor", ${c('action')} AS "action", ` +
      `${c('subject')} AS "subject", ${c('details')} AS "details", ${c('prevHash')} AS "prevHash", ${c('hash')} AS "hash" ` +
      `FROM ${table} WHERE ${c('seq')} > ? ORDER BY ${c('seq')} LIMIT ${VERIFY_PAGE}`;
    let position = CHAIN_START;
    let entries = 0;
    for (;;) {
      // A short transaction per page: on SQLite writers wait only for one page, and the log only ever grows.
      const after = position.seq - 1;
      const rows = await this.dataSource.transaction((m) => runStatement<StoredEntry>(m, select, [after]));
      if (rows.length === 0) return { entries };
      // In place: a copy of every row was most of the garbage a long log made.
      for (const row of rows) {
        row.seq = Number(row.seq);
        row.at = (manager.connection.driver.prepareHydratedValue(row.at, atColumn) as Date).toISOString();
      }
      const page = rows as (AuditRecord & { prevHash: string; hash: string })[];
      const broken = findBrokenEntry(page, position);
      if (broken) {
        const [total] = await this.dataSource.transaction((m) =>
          runStatement<{ n: unknown }>(m, `SELECT COUNT(*) AS "n" FROM ${table}`, []),
        );
        return { entries: Number(total?.n ?? 0), broken };
      }
      entries += page.length;
      const last = page.at(-1) as (typeof page)[number];
      position = { prevHash: last.hash, seq: last.seq + 1 };
    }
  }
}
