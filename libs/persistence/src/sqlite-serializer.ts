import type { DataSource, QueryRunner } from 'typeorm';

/** A FIFO async lock. */
class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

const MUTEX = Symbol('ots.sqliteMutex');
const HELD = Symbol('ots.sqliteLockHeld');
const PATCHED = Symbol('ots.sqliteSerialized');

type Runner = QueryRunner & { transactionDepth: number; [HELD]?: () => void; driver: { [MUTEX]?: AsyncMutex } };

const mutexOf = (runner: Runner): AsyncMutex => (runner.driver[MUTEX] ??= new AsyncMutex());

function release(runner: Runner): void {
  const held = runner[HELD];
  if (held && runner.transactionDepth === 0) {
    runner[HELD] = undefined;
    held();
  }
}

/**
 * TypeORM's better-sqlite3 driver hands every caller the same query runner
 * on its one connection and does not keep transactions apart: a
 * transaction that starts while another awaits becomes a savepoint inside
 * it, and either one's rollback or commit decides for both. This gives each
 * transaction a runner of its own (sharing the prepared-statement cache),
 * makes a transaction hold the connection from BEGIN to COMMIT/ROLLBACK and
 * queues every other statement behind it, so concurrent requests on SQLite
 * behave as on PostgreSQL, one after another.
 */
export function serializeSqliteAccess(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const shared = dataSource.createQueryRunner() as Runner & { stmtCache: unknown };
  const driver = dataSource.driver as unknown as { createQueryRunner: () => QueryRunner; [PATCHED]?: boolean };
  if (!driver[PATCHED]) {
    driver[PATCHED] = true;
    const RunnerOfDriver = shared.constructor as new (owner: unknown) => Runner & { stmtCache: unknown };
    driver.createQueryRunner = () => Object.assign(new RunnerOfDriver(driver), { stmtCache: shared.stmtCache });
  }
  const prototype = Object.getPrototypeOf(shared) as Record<PropertyKey, unknown>;
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const { startTransaction, commitTransaction, rollbackTransaction, query } = prototype as unknown as Record<
    string,
    (this: Runner, ...args: unknown[]) => Promise<unknown>
  >;

  prototype.startTransaction = async function (this: Runner, ...args: unknown[]) {
    if (this.transactionDepth === 0 && !this[HELD]) this[HELD] = await mutexOf(this).acquire();
    try {
      return await startTransaction.apply(this, args);
    } catch (err) {
      release(this);
      throw err;
    }
  };
  for (const [name, original] of [
    ['commitTransaction', commitTransaction],
    ['rollbackTransaction', rollbackTransaction],
  ] as const) {
    prototype[name] = async function (this: Runner, ...args: unknown[]) {
      try {
        return await original.apply(this, args);
      } finally {
        release(this);
      }
    };
  }
  prototype.query = async function (this: Runner, ...args: unknown[]) {
    if (this[HELD]) return query.apply(this, args);
    const unlock = await mutexOf(this).acquire();
    try {
      return await query.apply(this, args);
    } finally {
      unlock();
    }
  };
}
