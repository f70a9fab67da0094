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
});
