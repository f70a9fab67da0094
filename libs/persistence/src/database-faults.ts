import type { OtsError } from '@ots/errors';
import { DatabaseUnavailableError, StorageFullError } from './persistence.errors.js';

/** SQLSTATEs of a server that is going away or not there (classes 08 and 57P). */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);
/** What node's sockets say when the server is not listening or went away. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres's own words for a connection lost or never made (these errors carry no code). */
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * TypeORM releases a PostgreSQL query runner by itself when its connection reports an error, so the rest of that
 * transaction (often just its COMMIT) fails with this instead of the socket's error. Our transactions all go
 * through `DataSource.transaction`, which owns its runner: a released one means the connection went, and with
 * it the uncommitted transaction.
 */
const CONNECTION_LOST_MIDWAY = 'QueryRunnerAlreadyReleasedError';

/**
 * The typed error a database failure stands for, when it is one a caller should hear about as such: the
 * database gone (`UNAVAILABLE`, retry shortly) or the disk full (`STORAGE_FULL`); undefined for anything else,
 * which stays an internal error. Looks through TypeORM's `QueryFailedError.driverError` and `cause`.
 *
 * @example
 * databaseFault(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.code; // 'UNAVAILABLE'
 */
export function databaseFault(err: unknown): OtsError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (code === 'SQLITE_FULL') return new StorageFullError('the database disk is full', {}, { cause: err });
    if (
      (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) ||
      name === CONNECTION_LOST_MIDWAY
    )
      return new DatabaseUnavailableError(`the database does not answer: ${String(message)}`, {}, { cause: err });
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return undefined;
}
