import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions, NodeDataSource, type DatabaseTarget } from '@ots/persistence';
import { POSTGRES_URL, postgresTarget, sqliteTarget } from '../../../test/support/databases.js';
import { MessageCounter } from './message-counter.js';
import { InboxMessageEntity, OutboxMessageEntity, type OutboxStatus } from './message.entities.js';

const targets = [
  { name: 'SQLite', target: async (): Promise<DatabaseTarget & { drop?(): Promise<void> }> => sqliteTarget() },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL', target: postgresTarget }] : []),
];

describe.each(targets)('MessageCounter on $name', ({ name, target }) => {
  let dataSource: DataSource;
  let drop: (() => Promise<void>) | undefined;
  const truth = async () => {
    const outbox = dataSource.getRepository(OutboxMessageEntity);
    return {
      pending: await outbox.countBy({ status: 'pending' }),
      delivered: await outbox.countBy({ status: 'delivered' }),
      dead: await outbox.countBy({ status: 'dead' }),
      received: await dataSource.getRepository(InboxMessageEntity).count(),
    };
  };
  const enqueue = (status: OutboxStatus, n: number) =>
    dataSource.getRepository(OutboxMessageEntity).save(
      Array.from({ length: n }, () => {
        const jti = randomUUID();
        return {
          id: randomUUID(),
          recipient: 'TR',
          msgType: 'taxpayer.verify',
          jti,
          body: { requestId: jti },
          status,
          attempts: 0,
          nextAttemptAt: new Date(),
          leaseUntil: null,
          lastError: null,
          envelope: null,
          sentDigests: [],
          receipt: null,
          createdAt: new Date(),
          deliveredAt: status === 'delivered' ? new Date() : null,
          traceParent: null,
        };
      }),
    );
  const receive = (n: number) =>
    dataSource.getRepository(InboxMessageEntity).save(
      Array.from({ length: n }, () => ({
        iss: 'TR',
        jti: randomUUID(),
        msgType: 'taxpayer.answer',
        envelopeSha256: '0'.repeat(64),
        receipt: 'r',
        receivedAt: new Date(),
      })),
    );

  beforeAll(async () => {
    const database = await target();
    drop = () => database.drop?.() ?? Promise.resolve();
    dataSource = await new NodeDataSource(dataSourceOptions(database, [OutboxMessageEntity, InboxMessageEntity])).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it('counts what is stored, then keeps up as messages are added and change status, as a full count says', async () => {
    const sut = new MessageCounter(dataSource);
    await enqueue('delivered', 30);
    await enqueue('pending', 5);
    await receive(20);
    expect(await sut.counts()).toEqual({ pending: 5, delivered: 30, dead: 0, received: 20 });

    const pending = await enqueue('pending', 7);
    await receive(3);
    const outbox = dataSource.getRepository(OutboxMessageEntity);
    await outbox.update({ id: pending[0].id }, { status: 'delivered', deliveredAt: new Date() });
    await outbox.update({ id: pending[1].id }, { status: 'dead' });
    const counts = await sut.counts();
    expect(counts).toEqual({ pending: 10, delivered: 31, dead: 1, received: 23 });
    expect(counts).toEqual(await truth());
    // A counter that starts now (a restarted node) agrees with the one that kept up.
    expect(await new MessageCounter(dataSource).counts()).toEqual(counts);
  });

  it('gives the same answer to overlapping calls and counts nothing twice', async () => {
    const sut = new MessageCounter(dataSource);
    await sut.counts();
    await receive(4);
    await enqueue('pending', 2);
    const [a, b] = await Promise.all([sut.counts(), sut.counts()]);
    expect(a).toEqual(b);
    expect(await sut.counts()).toEqual(await truth());
  });

  it.runIf(name === 'PostgreSQL')('on PostgreSQL, counts rows stored before the tally existed and rows removed', async () => {
    await enqueue('delivered', 6);
    await receive(2);
    // A database from before the tally: the migration counts what it holds.
    await dataSource.undoLastMigration();
    await receive(5);
    await dataSource.runMigrations();
    const sut = new MessageCounter(dataSource);
    expect(await sut.counts()).toEqual(await truth());

    const removed = await enqueue('delivered', 3);
    await dataSource.getRepository(OutboxMessageEntity).delete(removed.map((m) => m.id));
    expect(await sut.counts()).toEqual(await truth());
    await dataSource.query('TRUNCATE "inbox_message"');
    await receive(1);
    expect(await sut.counts()).toEqual(await truth());
  });

  it.runIf(name === 'PostgreSQL')('on PostgreSQL, stays exact across connections and folds the rows of closed ones', async () => {
    const sut = new MessageCounter(dataSource);
    // Writers on many connections at once, each adding to the tally row of its own.
    await Promise.all(Array.from({ length: 8 }, () => Promise.all([receive(3), enqueue('pending', 2)])));
    expect(await sut.counts()).toEqual(await truth());
    // Rows left by connections long closed (process ids no backend has), adding up to nothing.
    await dataSource.query(
      `INSERT INTO "message_tally" ("kind", "slot", "rows") SELECT 'inbox', 900000000 + g, CASE WHEN g % 2 = 0 THEN 1 ELSE -1 END FROM generate_series(1, 300) AS g`,
    );
    await sut.counts();
    const [{ slots }] = await dataSource.query<{ slots: string }[]>('SELECT COUNT(*) AS "slots" FROM "message_tally"');
    expect(Number(slots)).toBeLessThan(50);
    expect(await sut.counts()).toEqual(await truth());
  });
});
