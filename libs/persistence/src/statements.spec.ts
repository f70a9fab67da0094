import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from './data-source-options.js';
import { SequenceCounterEntity, takeNextInSequence } from './sequence-counter.entity.js';
import { serializeSqliteAccess } from './sqlite-serializer.js';
import { runStatement, storedValue } from './statements.js';

const targets = [
  { name: 'SQLite', target: () => ({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'ots-statements-')), 'node.sqlite') }) },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', target: () => ({ databaseUrl: process.env.TEST_DATABASE_URL, sqliteFile: '' }) }] : []),
];

describe.each(targets)('hand-written statements on $name', ({ target }) => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(target(), [SequenceCounterEntity])).initialize();
    serializeSqliteAccess(dataSource);
  });
  afterAll(async () => dataSource?.destroy());

  it('bind values, return RETURNING rows, and roll back with the transaction', async () => {
    // PostgreSQL keeps rows between runs: a fresh sequence each time.
    const id = `spec-${randomUUID().slice(0, 8)}`;
    await dataSource.transaction((m) => runStatement(m, 'INSERT INTO "sequence_counter" ("id", "next") VALUES (?, ?)', [id, 5]));
    const taken = await dataSource.transaction(async (m) => [await takeNextInSequence(m, id), await takeNextInSequence(m, id)]);
    expect(taken).toEqual([5, 6]);
    await expect(
      dataSource.transaction(async (m) => {
        await takeNextInSequence(m, id);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await dataSource.transaction((m) => runStatement<{ next: number }>(m, 'SELECT "next" FROM "sequence_counter" WHERE "id" = ?', [`${id}' OR '1'='1`]));
    expect(rows).toEqual([]);
    expect(await dataSource.transaction((m) => takeNextInSequence(m, id))).toBe(7);
    await expect(dataSource.transaction((m) => takeNextInSequence(m, 'no-such-sequence'))).rejects.toThrow(/no sequence/);
  });

  it('refuse to run outside a transaction, and store values as TypeORM would', async () => {
    await expect(runStatement(dataSource.manager, 'SELECT 1', [])).rejects.toThrow(/transaction/);
    expect(storedValue(dataSource.manager, SequenceCounterEntity, 'next', 3)).toBe(3);
    expect(() => storedValue(dataSource.manager, SequenceCounterEntity, 'missing', 1)).toThrow(/no column/);
  });
});
