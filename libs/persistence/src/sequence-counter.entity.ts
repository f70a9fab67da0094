import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { runStatement, sqlNames } from './statements.js';

@Entity('sequence_counter')
export class SequenceCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'integer' })
  next: number;
}

/**
 * Takes the next `count` numbers of a named sequence inside the caller's
 * transaction and returns the first. The increment row-locks the counter
 * (PostgreSQL) or holds the write lock (SQLite) until commit, so no two
 * transactions get the same number and a rolled-back one gives its numbers
 * back.
 */
export async function takeNextInSequence(manager: EntityManager, id: string, count = 1): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`cannot take ${count} numbers of ${id}`);
  const { table, column: c } = sqlNames(manager, SequenceCounterEntity);
  const [counter] = await runStatement<{ next: number | string }>(
    manager,
    `UPDATE ${table} SET ${c('next')} = ${c('next')} + ? WHERE ${c('id')} = ? RETURNING ${c('next')} AS "next"`,
    [count, id],
  );
  if (!counter) throw new Error(`no sequence ${id}`);
  return Number(counter.next) - count;
}
