import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn, Table, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from './data-source-options.js';
import { NodeDataSource } from './node-data-source.js';
import { SequenceCounterEntity, takeNextInSequence } from './sequence-counter.entity.js';
import { timestampType } from './migrations/column-types.js';
import { insertEntities, runStatement, sqlNames, storedValue } from './statements.js';

@Entity('spec_inserted_row')
class InsertedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'simple-json' })
  body: { tags: string[] };

  @Column({ name: 'noted_at', type: Date })
  notedAt: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  note: string | null;
}

const targets = [
  { name: 'SQLite', target: () => ({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'ots-statements-')), 'node.sqlite') }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', target: () => ({ databaseUrl: process.env.TEST_DATABASE_URL, sqliteFile: '' }) }]
    : []),
];

describe.each(targets)('hand-written statements on $name', ({ target }) => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new NodeDataSource(dataSourceOptions(target(), [SequenceCounterEntity, InsertedRow])).initialize();
    const runner = dataSource.createQueryRunner();
    await runner.createTable(
      new Table({
        name: 'spec_inserted_row',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'integer' },
          { name: 'body', type: 'text' },
          { name: 'noted_at', type: timestampType(runner) },
          { name: 'note', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
      true,
    );
    await runner.release();
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
    const rows = await dataSource.transaction((m) =>
      runStatement<{ next: number }>(m, 'SELECT "next" FROM "sequence_counter" WHERE "id" = ?', [`${id}' OR '1'='1`]),
    );
    expect(rows).toEqual([]);
    expect(await dataSource.transaction((m) => takeNextInSequence(m, id))).toBe(7);
    await expect(dataSource.transaction((m) => takeNextInSequence(m, 'no-such-sequence'))).rejects.toThrow(/no sequence/);
  });

  it('refuse to run outside a transaction, and store values as TypeORM would', async () => {
    await expect(runStatement(dataSource.manager, 'SELECT 1', [])).rejects.toThrow(/transaction/);
    expect(storedValue(dataSource.manager, SequenceCounterEntity, 'next', 3)).toBe(3);
    expect(() => storedValue(dataSource.manager, SequenceCounterEntity, 'missing', 1)).toThrow(/no column/);
  });

  it('take a block of numbers from a sequence, and refuse an empty one', async () => {
    const id = `spec-${randomUUID().slice(0, 8)}`;
    await dataSource.transaction((m) => runStatement(m, 'INSERT INTO "sequence_counter" ("id", "next") VALUES (?, ?)', [id, 1]));
    const firsts = await dataSource.transaction(async (m) => [
      await takeNextInSequence(m, id, 3),
      await takeNextInSequence(m, id),
      await takeNextInSequence(m, id, 2),
    ]);
    expect(firsts).toEqual([1, 4, 5]);
    await expect(dataSource.transaction((m) => takeNextInSequence(m, id, 0))).rejects.toThrow(/cannot take 0/);
  });

  it('insert whole entities in chunks, stored as TypeORM stores them, all or nothing with the transaction', async () => {
    const notedAt = new Date('2026-03-01T10:20:30.456Z');
    const rows: InsertedRow[] = Array.from({ length: 230 }, (_, position) => ({
      id: randomUUID(),
      position,
      body: { tags: [`t${position}`, "it's"] },
      notedAt,
      note: position % 2 ? null : `note ${position}`,
    }));
    await dataSource.transaction((m) => insertEntities(m, InsertedRow, rows));
    const read = await dataSource.getRepository(InsertedRow).find({ where: rows.map((r) => ({ id: r.id })), order: { position: 'ASC' } });
    expect(read).toEqual(rows);

    const missing = { id: randomUUID(), body: { tags: [] }, notedAt, note: null } as unknown as InsertedRow;
    const kept = { ...missing, id: randomUUID(), position: 1 };
    await expect(dataSource.transaction((m) => insertEntities(m, InsertedRow, [kept, missing]))).rejects.toThrow(
      /InsertedRow.position has no value/,
    );
    const duplicate = { ...kept, id: rows[0]?.id };
    await expect(
      dataSource.transaction(
        async (m) => (await insertEntities(m, InsertedRow, [kept]), await insertEntities(m, InsertedRow, [duplicate])),
      ),
    ).rejects.toThrow();
    expect(await dataSource.getRepository(InsertedRow).countBy({ id: kept.id })).toBe(0);
  });
  it('names tables and columns from the entity metadata, and refuses a property that has no column', async () => {
    const { table, column: c } = sqlNames(dataSource.manager, InsertedRow);
    expect([table, c('notedAt')]).toEqual(['"spec_inserted_row"', '"noted_at"']);
    expect(() => c('missing' as 'id')).toThrow(/InsertedRow has no column missing/);
    const id = randomUUID();
    const rows = await dataSource.transaction(async (manager) => {
      await insertEntities(manager, InsertedRow, [{ id, position: 7, body: { tags: [] }, notedAt: new Date(), note: null }]);
      return runStatement<{ position: number }>(manager, `SELECT ${c('position')} AS "position" FROM ${table} WHERE ${c('id')} = ?`, [id]);
    });
    expect(rows.map((r) => Number(r.position))).toEqual([7]);
  });
});
