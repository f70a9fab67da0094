import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../../../test/support/databases.js';
import { dataSourceOptions } from './data-source-options.js';
import { assertSqliteTransactionsSerialized, NodeDataSource } from './node-data-source.js';
import { SqliteTransactionsNotSerializedError } from './persistence.errors.js';
import { SequenceCounterEntity, takeNextInSequence } from './sequence-counter.entity.js';

describe('NodeDataSource on SQLite', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new NodeDataSource(dataSourceOptions(sqliteTarget(), [SequenceCounterEntity])).initialize();
  });
  afterAll(async () => dataSource.destroy());

  it('keeps 50 concurrent transactions apart: every number taken once, a rolled-back one given back', async () => {
    const taken = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        dataSource
          .transaction(async (manager) => {
            const n = await takeNextInSequence(manager, 'status-slot');
            await new Promise((r) => setTimeout(r, 1));
            if (i === 7) throw new Error('rolled back');
            return n;
          })
          .catch(() => undefined),
      ),
    );
    const numbers = taken.filter((n): n is number => n !== undefined);
    expect(numbers).toHaveLength(49);
    expect(new Set(numbers).size).toBe(49);
    expect(Math.max(...numbers)).toBe(48);
    const counter = await dataSource.getRepository(SequenceCounterEntity).findOneByOrFail({ id: 'status-slot' });
    expect(counter.next).toBe(49);
  });

  it('makes a transaction that starts while another is half-way wait for it, so a rollback undoes only its own work', async () => {
    const order: string[] = [];
    const before = (await dataSource.getRepository(SequenceCounterEntity).findOneByOrFail({ id: 'registry-version' })).next;
    const first = dataSource.transaction(async (manager) => {
      await takeNextInSequence(manager, 'registry-version');
      order.push('first took');
      await new Promise((r) => setTimeout(r, 20));
      order.push('first done');
      throw new Error('first rolls back');
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = dataSource.transaction(async (manager) => {
      order.push('second starts');
      return takeNextInSequence(manager, 'registry-version');
    });
    await expect(first).rejects.toThrow('first rolls back');
    expect(await second).toBe(before);
    expect(order).toEqual(['first took', 'first done', 'second starts']);
    const plain = await dataSource.getRepository(SequenceCounterEntity).findOneByOrFail({ id: 'registry-version' });
    expect(plain.next).toBe(before + 1);
  });

  it('passes its own start-up check again at any time', async () => {
    await expect(assertSqliteTransactionsSerialized(dataSource)).resolves.toBeUndefined();
  });
});

describe('the start-up check against TypeORM as it ships', () => {
  it("fails on TypeORM's own data source, where both transactions share one runner", async () => {
    const stock = await new DataSource(dataSourceOptions(sqliteTarget(), [SequenceCounterEntity])).initialize();
    try {
      const failure = assertSqliteTransactionsSerialized(stock);
      await expect(failure).rejects.toBeInstanceOf(SqliteTransactionsNotSerializedError);
      await expect(failure).rejects.toThrow(/cannot start a transaction within a transaction/);
    } finally {
      await stock.destroy();
    }
  });
});
