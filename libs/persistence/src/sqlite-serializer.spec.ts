import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../../../test/support/databases.js';
import { dataSourceOptions } from './data-source-options.js';
import { SequenceCounterEntity, takeNextInSequence } from './sequence-counter.entity.js';
import { serializeSqliteAccess } from './sqlite-serializer.js';

describe(serializeSqliteAccess.name, () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(sqliteTarget(), [SequenceCounterEntity]));
    serializeSqliteAccess(dataSource);
    await dataSource.initialize();
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
});
