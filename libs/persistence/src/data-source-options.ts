import type { DataSourceOptions } from 'typeorm';
import { SQLITE_CACHE_MIB_DEFAULT } from '@ots/config';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseTarget {
  /** `postgres://...` to use PostgreSQL; otherwise the SQLite file below is used. */
  databaseUrl?: string;
  sqliteFile: string;
  /** SQLite's page cache in MiB; SQLITE_CACHE_MIB_DEFAULT if not given. */
  sqliteCacheMib?: number;
}

/**
 * TypeORM options for either database. SQLite goes through better-sqlite3
 * (TypeORM 1.x's only SQLite driver; see docs/decisions.md) in WAL mode so
 * readers never wait for the outbox writer. The schema only ever comes from
 * migrations.
 */
export function dataSourceOptions(target: DatabaseTarget, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (target.databaseUrl) {
    return { ...common, type: 'postgres', url: target.databaseUrl, extra: { max: 10 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.sqliteFile,
    enableWAL: true,
    // Every write waits for the lock instead of failing at once when two connections meet.
    timeout: 5000,
    // A negative cache_size is in KiB.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`cache_size = -${(target.sqliteCacheMib ?? SQLITE_CACHE_MIB_DEFAULT) * 1024}`);
    },
  };
}
