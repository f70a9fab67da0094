import { DataSource, type QueryRunner } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner.js';
import type { ReplicationMode } from 'typeorm/driver/types/ReplicationMode.js';
import { SqliteTransactionsNotSerializedError } from './persistence.errors.js';
import { ConnectionLock, SerializedSqliteQueryRunner } from './sqlite-query-runner.js';

/**
 * The node's data source. On PostgreSQL it is TypeORM's own; on SQLite every `createQueryRunner` (which
 * `transaction`, repositories and query builders all go through) gets a `SerializedSqliteQueryRunner`, so
 * concurrent transactions queue for the one connection instead of nesting in each other. `initialize`
 * proves that at start-up and fails if a TypeORM upgrade broke it.
 */
export class NodeDataSource extends DataSource {
  private readonly connectionLock = new ConnectionLock();

  override createQueryRunner(mode: ReplicationMode = 'master'): QueryRunner {
    if (this.options.type !== 'better-sqlite3') return super.createQueryRunner(mode);
    const driver = this.driver as BetterSqlite3Driver;
    const executor = driver.createQueryRunner(mode);
    if (!(executor instanceof BetterSqlite3QueryRunner))
      throw new SqliteTransactionsNotSerializedError("TypeORM's better-sqlite3 driver no longer makes a BetterSqlite3QueryRunner");
    const runner = new SerializedSqliteQueryRunner(driver, executor, this.connectionLock);
    // As DataSource.createQueryRunner does: the runner's manager runs everything on that runner.
    return Object.assign(runner, { manager: this.createEntityManager(runner) });
  }

  override async initialize(): Promise<this> {
    await super.initialize();
    if (this.options.type === 'better-sqlite3') {
      try {
        await assertSqliteTransactionsSerialized(this);
      } catch (err) {
        await this.destroy();
        throw err;
      }
    }
    return this;
  }
}

/**
 * Runs two overlapping transactions and a plain statement and checks they took turns: the first ran to its
 * commit before the second began, the second's rollback came before the statement, and each transaction had a
 * runner of its own. On TypeORM's stock data source both share one runner: two transactions begun in the same turn
 * both send BEGIN and the second fails; one begun while the other awaits becomes a savepoint inside it.
 */
export async function assertSqliteTransactionsSerialized(dataSource: DataSource): Promise<void> {
  const order: string[] = [];
  const runners: unknown[] = [];
  const rolledBack = new Error('self-check rollback');
  const first = dataSource.transaction(async (manager) => {
    runners.push(manager.queryRunner);
    order.push('first begins');
    await new Promise((resolve) => setTimeout(resolve, 1));
    order.push('first ends');
  });
  const second = dataSource
    .transaction((manager) => {
      runners.push(manager.queryRunner);
      order.push('second begins');
      return Promise.reject(rolledBack);
    })
    .catch((err: unknown) => {
      if (err !== rolledBack) throw err;
    });
  const plain = dataSource.query('SELECT 1').then(() => order.push('statement'));
  try {
    await Promise.all([first, second, plain]);
  } catch (err) {
    throw new SqliteTransactionsNotSerializedError(`concurrent SQLite transactions failed: ${(err as Error).message}`, {}, { cause: err });
  }
  const expected = ['first begins', 'first ends', 'second begins', 'statement'];
  if (order.join() !== expected.join() || runners[0] === runners[1])
    throw new SqliteTransactionsNotSerializedError(
      `concurrent SQLite transactions are not kept apart (ran as: ${order.join(', ')}; ${runners[0] === runners[1] ? 'one' : 'two'} runner(s))`,
    );
}
