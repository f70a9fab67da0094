import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OutboxStatus } from './message.entities.js';

export type MessageCounts = Record<OutboxStatus | 'received', number>;

/** The rows of a table counted so far: every one up to `throughRowid`. */
interface Tally {
  rows: number;
  throughRowid: number;
}

/** Tally rows beyond this (connections since closed) are folded into one. */
const FOLD_ABOVE_SLOTS = 256;

/** Numbers as PostgreSQL sends them: COUNT and SUM of bigints arrive as strings. */
interface TallyReading {
  outbox: string;
  inbox: string;
  pending: string;
  dead: string;
  slots: string;
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
 * PostgreSQL commits rows out of the order their keys were taken in, so there the rows each table holds are
 * kept by triggers in the same transactions (migration MessageTally1733440000000); counting them afresh cost
 * 700 ms of the server per call at a million rows.
 */
@Injectable()
export class MessageCounter {
  private outbox: Tally = { rows: 0, throughRowid: 0 };
  private inbox: Tally = { rows: 0, throughRowid: 0 };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(): Promise<MessageCounts> {
    return this.dataSource.options.type === 'postgres' ? this.countedFromTally() : this.countedSince();
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

  /** PostgreSQL: the rows each table holds come from the tally its triggers keep (migration MessageTally). */
  private async countedFromTally(): Promise<MessageCounts> {
    const [reading] = await this.dataSource.query<TallyReading[]>(
      `SELECT
         (SELECT COALESCE(SUM("rows"), 0) FROM "message_tally" WHERE "kind" = 'outbox') AS "outbox",
         (SELECT COALESCE(SUM("rows"), 0) FROM "message_tally" WHERE "kind" = 'inbox') AS "inbox",
         (SELECT COUNT(*) FROM "outbox_message" WHERE "status" = 'pending') AS "pending",
         (SELECT COUNT(*) FROM "outbox_message" WHERE "status" = 'dead') AS "dead",
         (SELECT COUNT(*) FROM "message_tally") AS "slots"`,
    );
    if (Number(reading.slots) > FOLD_ABOVE_SLOTS) await this.foldSlotsOfClosedConnections();
    const [pending, dead] = [Number(reading.pending), Number(reading.dead)];
    return { pending, dead, delivered: Number(reading.outbox) - pending - dead, received: Number(reading.inbox) };
  }

  /**
   * Every connection that ever added a message left a row in the tally; those of connections now closed are added
   * to slot 0, so the tally stays as small as the pool. One caller at a time (the advisory lock), so two never
   * take the same rows in different orders.
   */
  private async foldSlotsOfClosedConnections(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('message_tally')) AS "locked"`,
      );
      if (!locked) return;
      await manager.query(
        `WITH "closed" AS (
           DELETE FROM "message_tally"
           WHERE "slot" <> 0 AND "slot" NOT IN (SELECT "pid" FROM pg_stat_activity WHERE "pid" IS NOT NULL)
           RETURNING "kind", "rows")
         INSERT INTO "message_tally" ("kind", "slot", "rows")
           SELECT "kind", 0, SUM("rows") FROM "closed" GROUP BY "kind"
         ON CONFLICT ("kind", "slot") DO UPDATE SET "rows" = "message_tally"."rows" + EXCLUDED."rows"`,
      );
    });
  }
}
