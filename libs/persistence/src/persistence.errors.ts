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
