import type { ObjectLiteral } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner.js';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';

/** A FIFO async lock: the one SQLite connection, held by one transaction (or one plain statement) at a time. */
export class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

/**
 * A query runner of its own for every caller on SQLite (TypeORM's driver hands all of them one shared runner,
 * see docs/decisions.md). It keeps its own transaction state and holds the connection lock from BEGIN to
 * COMMIT/ROLLBACK; a statement outside a transaction waits for the lock. The SQL itself runs on the driver's
 * runner, so every caller shares one prepared-statement cache: a statement is prepared once per connection.
 */
export class SerializedSqliteQueryRunner extends BetterSqlite3QueryRunner {
  private unlock?: () => void;

  constructor(
    driver: BetterSqlite3Driver,
    private readonly executor: BetterSqlite3QueryRunner,
    private readonly lock: ConnectionLock,
  ) {
    super(driver);
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth === 0 && !this.unlock) this.unlock = await this.lock.acquire();
    try {
      await super.startTransaction(isolationLevel);
    } catch (err) {
      this.releaseAfterOutermost();
      throw err;
    }
  }

  override async commitTransaction(): Promise<void> {
    try {
      await super.commitTransaction();
    } finally {
      this.releaseAfterOutermost();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } catch (err) {
      // On SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM SQLite may end the transaction itself
      // (sqlite.org/lang_transaction.html); ROLLBACK then fails and TypeORM's depth stays at 1, which would hold
      // the connection lock forever. The transaction is over all the same.
      if ((this.driver.databaseConnection as { inTransaction?: boolean } | undefined)?.inTransaction !== false) throw err;
      this.transactionDepth = 0;
      this.isTransactionActive = false;
    } finally {
      this.releaseAfterOutermost();
    }
  }

  /** Typed as the driver's runner types it (TypeORM's QueryRunner overloads `query`). */
  override async query(
    query: string,
    parameters?: unknown[] | ObjectLiteral,
    useStructuredResult?: boolean,
  ): ReturnType<BetterSqlite3QueryRunner['query']> {
    if (this.unlock) return this.executor.query(query, parameters, useStructuredResult);
    const unlock = await this.lock.acquire();
    try {
      return await this.executor.query(query, parameters, useStructuredResult);
    } finally {
      unlock();
    }
  }

  private releaseAfterOutermost(): void {
    if (this.unlock && this.transactionDepth === 0) {
      const unlock = this.unlock;
      this.unlock = undefined;
      unlock();
    }
  }
}
