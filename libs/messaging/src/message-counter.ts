import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InboxMessageEntity, OutboxMessageEntity, type OutboxStatus } from './message.entities.js';

export type MessageCounts = Record<OutboxStatus | 'received', number>;

/** The rows of a table counted so far: every one up to `throughRowid`. */
interface Tally {
  rows: number;
  throughRowid: number;
}

interface SqliteReading {
  newOutbox: number;
  outboxTop: number | null;
  pending: number;
  dead: number;
  newInbox: number;
  inboxTop: number | null;
}

/**
 * How many messages the node holds, by outbox status, and how many it received. Pending and dead are few and
 * come from the status index. Delivered and received grow with every message: counting a million rows took
 * SQLite 80-425 ms of the event loop per call (docs/benchmarks.md, growth), so on SQLite they are counted once
 * and after that only the rows added since. Messages are never deleted and a new row's rowid is above every
 * earlier one's, so the rows counted so far plus those above the highest rowid seen is the count; delivered is
 * then every outbox row less the pending and dead ones. One statement reads it all, so from one snapshot.
 * PostgreSQL counts afresh, on its own processes rather than the node's event loop.
 */
@Injectable()
export class MessageCounter {
  private outbox: Tally = { rows: 0, throughRowid: 0 };
  private inbox: Tally = { rows: 0, throughRowid: 0 };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(): Promise<MessageCounts> {
    return this.dataSource.options.type === 'postgres' ? this.countedAfresh() : this.countedSince();
  }

  private async countedSince(): Promise<MessageCounts> {
    const [outbox, inbox] = [this.outbox, this.inbox];
    const [reading] = await this.dataSource.query<SqliteReading[]>(
      `SELECT
         (SELECT COUNT(*) FROM "outbox_message" WHERE rowid > ?) AS "newOutbox",
         (SELECT MAX(rowid) FROM "outbox_message") AS "outboxTop",
         (SELECT COUNT(*) FROM "outbox_message" WHERE "status" = 'pending') AS "pending",
         (SELECT COUNT(*) FROM "outbox_message" WHERE "status" = 'dead') AS "dead",
         (SELECT COUNT(*) FROM "inbox_message" WHERE rowid > ?) AS "newInbox",
         (SELECT MAX(rowid) FROM "inbox_message") AS "inboxTop"`,
      [outbox.throughRowid, inbox.throughRowid],
    );
    // Built from the tallies read above, not added to the current ones: a call that overlapped this one and
    // finished first is replaced, never counted twice.
    this.outbox = { rows: outbox.rows + reading.newOutbox, throughRowid: reading.outboxTop ?? 0 };
    this.inbox = { rows: inbox.rows + reading.newInbox, throughRowid: reading.inboxTop ?? 0 };
    return {
      pending: reading.pending,
      dead: reading.dead,
      delivered: this.outbox.rows - reading.pending - reading.dead,
      received: this.inbox.rows,
    };
  }

  private async countedAfresh(): Promise<MessageCounts> {
    const byStatus = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.status')
      .getRawMany<{ status: OutboxStatus; count: string | number }>();
    const counts = { pending: 0, delivered: 0, dead: 0, received: await this.dataSource.getRepository(InboxMessageEntity).count() };
    for (const row of byStatus) counts[row.status] = Number(row.count);
    return counts;
  }
}
