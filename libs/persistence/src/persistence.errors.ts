import { OtsError } from '@ots/errors';

/**
 * The start-up check found concurrent SQLite transactions not kept apart: TypeORM changed under the seam
 * `NodeDataSource` relies on (docs/decisions.md). The node stops rather than run with interleaved transactions.
 */
export class SqliteTransactionsNotSerializedError extends OtsError {
  static override readonly code = 'SQLITE_TRANSACTIONS_NOT_SERIALIZED';
  readonly code = SqliteTransactionsNotSerializedError.code;
  override readonly httpStatus = 500;
}

/**
 * The node's database does not answer (PostgreSQL stopped, restarting or unreachable): the request changed
 * nothing, and the same request may be sent again shortly. `/health/ready` says `not-ready` meanwhile.
 */
export class DatabaseUnavailableError extends OtsError {
  static override readonly code = 'UNAVAILABLE';
  readonly code = DatabaseUnavailableError.code;
  override readonly httpStatus = 503;
}

/** The node's disk is full (SQLite answered `SQLITE_FULL`): the write was refused whole and nothing was changed. */
export class StorageFullError extends OtsError {
  static override readonly code = 'STORAGE_FULL';
  readonly code = StorageFullError.code;
  override readonly httpStatus = 507;
}
