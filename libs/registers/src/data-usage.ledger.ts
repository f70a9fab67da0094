import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import { insertEntities, keysetFind, keysetKey } from '@ots/persistence';
import { DATA_USAGE_KEY, DataUsageEntity } from './data-usage.entity.js';
import { DATA_CATEGORIES, type DataCategory, type Purpose } from './purpose.js';

/** Categories in their list's order, whatever order the reads completed in. */
const ordered = (categories: Iterable<DataCategory>): DataCategory[] =>
  [...new Set(categories)].sort((a, b) => DATA_CATEGORIES.indexOf(a) - DATA_CATEGORIES.indexOf(b));

/** What a purpose's reads led to leaving the country: to whom, which documents, which parts of the data. */
export interface Transfer {
  subject: string;
  partner: string;
  docTypes: readonly string[];
  categories: readonly DataCategory[];
}

/**
 * The account of every use of a person's data (Estonia's Data Tracker is the model): the reads a Purpose collected
 * and the transfers they led to, written in the caller's transaction, so a use and its record commit together.
 */
@Injectable()
export class DataUsageLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the purpose's reads so far (one row per person) and the transfers, in `manager`'s transaction. */
  async record(manager: EntityManager, purpose: Purpose, transfers: readonly Transfer[] = []): Promise<void> {
    const now = new Date();
    const reads = new Map<string, Set<DataCategory>>();
    for (const read of purpose.takeReads()) reads.set(read.subject, (reads.get(read.subject) ?? new Set()).add(read.category));
    const rows: DataUsageEntity[] = [
      ...[...reads].map(([subject, categories]) => ({
        id: randomUUID(),
        subject,
        kind: 'read' as const,
        purposeKind: purpose.kind,
        purposeRef: purpose.reference,
        partner: purpose.partner,
        categories: ordered(categories),
        docTypes: [],
        createdAt: now,
      })),
      ...transfers.map((t) => ({
        id: randomUUID(),
        subject: t.subject,
        kind: 'sent' as const,
        purposeKind: purpose.kind,
        purposeRef: purpose.reference,
        partner: t.partner,
        categories: ordered(t.categories),
        docTypes: [...t.docTypes],
        // a transfer follows the read it came from: one millisecond later keeps newest-first honest
        createdAt: new Date(now.getTime() + 1),
      })),
    ];
    if (rows.length > 0) await insertEntities(manager, DataUsageEntity, rows);
  }

  /** Writes the reads of a purpose that led to nothing else (a preview, a refusal), in a transaction of their own. */
  recordAlone(purpose: Purpose): Promise<void> {
    return this.dataSource.transaction((manager) => this.record(manager, purpose));
  }

  /**
   * Runs what the purpose's reads were for; when it fails, the reads already made are still written (in a
   * transaction of their own): a read is recorded whether or not it led anywhere.
   */
  async accountFor<T>(purpose: Purpose, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await this.recordAlone(purpose);
      throw err;
    }
  }

  /** The uses of `subject`'s data, newest first, one page. */
  async usageOf(subject: string, paging: ConnectionArgs): Promise<Connection<DataUsageEntity>> {
    const request = pageRequest('data-usage', paging, RECORD_PAGES, DATA_USAGE_KEY.length);
    const rows = await keysetFind(this.dataSource.getRepository(DataUsageEntity), { subject }, DATA_USAGE_KEY, request);
    return connectionFrom('data-usage', request, rows, (row) => keysetKey(row, DATA_USAGE_KEY));
  }
}
