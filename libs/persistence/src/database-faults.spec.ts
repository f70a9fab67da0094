import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { databaseFault } from './database-faults.js';
import { DatabaseUnavailableError, StorageFullError } from './persistence.errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe(databaseFault.name, () => {
  it('names a database that went away or is not there UNAVAILABLE', () => {
    for (const err of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is shutting down', '57P03'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError('SELECT 1', [], withCode('the database system is starting up', '57P03')),
      // The connection died between a transaction's last statement and its COMMIT (seen under load in CI).
      new QueryRunnerAlreadyReleasedError(),
    ])
      expect(databaseFault(err), err.message).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('names a full disk STORAGE_FULL, through TypeORM and a cause', () => {
    const full = withCode('database or disk is full', 'SQLITE_FULL');
    expect(databaseFault(full)).toBeInstanceOf(StorageFullError);
    expect(databaseFault(new QueryFailedError('INSERT', [], full))?.code).toBe('STORAGE_FULL');
    expect(databaseFault(new Error('commit failed', { cause: full }))?.code).toBe('STORAGE_FULL');
  });

  it('leaves every other failure alone', () => {
    expect(databaseFault(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(databaseFault(withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(databaseFault(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseFault(undefined)).toBeUndefined();
  });
});
