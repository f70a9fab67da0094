import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { runStatement } from './statements.js';

@Entity('sequence_counter')
export class SequenceCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'integer' })
  next: number;
}

/**
 * Takes the next number of a named sequence inside the caller's
 * transaction. The increment row-locks the counter (PostgreSQL) or holds
 * the write lock (SQLite) until commit, so no two transactions get the same
 * number and a rolled-back one gives its number back.
 */
export async function takeNextInSequence(manager: EntityManager, id: string): Promise<number> {
  const [counter] = await runStatement<{ next: number | string }>(manager, 'UPDATE "sequence_counter" SET "next" = "next" + 1 WHERE "id" = ? RETURNING "next"', [id]);
  if (!counter) throw new Error(`no sequence ${id}`);
  return Number(counter.next) - 1;
}
