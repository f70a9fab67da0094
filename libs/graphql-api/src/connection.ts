import { BadInputError } from '@ots/errors';
import { BadCursorError, PageTooLargeError } from './graphql-api.errors.js';

/**
 * Relay-style paging, one shape for every list that can grow (docs/api.md, "Paging"). A list has one natural order
 * (newest first for the node's records) and a unique sort key per item (e.g. `[createdAt, id]`); `first`/`after`
 * walk it forwards, `last`/`before` backwards from its end. Cursors are the key itself, opaque to clients, so a
 * page is stable under inserts: what arrives meanwhile neither shifts nor repeats items (keyset paging).
 */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One part of a sort key: an ISO date-time, a string or an integer. */
export type CursorPart = string | number;
export type CursorKey = readonly CursorPart[];

export interface PageLimits {
  /** Items on a page when neither `first` nor `last` is given. */
  defaultSize: number;
  /** The documented maximum; a larger `first` or `last` is PAGE_TOO_LARGE. */
  maxSize: number;
}

/**
 * The node's own records (cases, messages, the audit log, documents): 50 a page unless asked, at most 100, so that
 * a full page of a dozen fields stays within the query cost limit (query-limits.ts).
 */
export const RECORD_PAGES: PageLimits = { defaultSize: 50, maxSize: 100 };

/** What a store fetches: `size + 1` items from the cursor (exclusive), walking forwards or backwards. */
export interface PageRequest {
  backward: boolean;
  size: number;
  cursor?: CursorKey;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoShape;
}

/** The cursor of the item whose sort key is `key`, in the list named `list`. */
export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** The sort key a cursor of `list` carries, or undefined for anything this list did not hand out. */
export function decodeCursor(list: string, cursor: string, arity: number): CursorKey | undefined {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || parsed[0] !== list) return undefined;
  const key = parsed.slice(1) as unknown[];
  return key.every((part) => typeof part === 'string' || Number.isSafeInteger(part)) ? (key as CursorPart[]) : undefined;
}

/**
 * The page the arguments ask for, or the refusal: a size below 1 or above the maximum (PAGE_TOO_LARGE), a cursor
 * this list did not hand out (BAD_CURSOR), or forward and backward arguments together (BAD_INPUT).
 *
 * @example
 * pageRequest('case', { first: 10 }, { defaultSize: 20, maxSize: 100 }, 2) // { backward: false, size: 10 }
 */
export function pageRequest(list: string, args: ConnectionArgs, limits: PageLimits, arity: number): PageRequest {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward)
    throw new BadInputError('first/after and last/before together', { detail: 'first/after or last/before, not both' });
  const size = (backward ? args.last : args.first) ?? limits.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > limits.maxSize)
    throw new PageTooLargeError(`page size ${size} outside 1-${limits.maxSize}`, { max: limits.maxSize });
  const raw = backward ? args.before : args.after;
  if (raw == null) return { backward, size };
  const cursor = decodeCursor(list, raw, arity);
  if (!cursor) throw new BadCursorError('unknown cursor');
  return { backward, size, cursor };
}

/**
 * The connection from what the store fetched for `request` (at most `size + 1` items, in the walking direction:
 * list order forwards, reverse list order backwards); edges are always in list order.
 */
export function connectionFrom<T>(list: string, request: PageRequest, fetched: readonly T[], keyOf: (item: T) => CursorKey): Connection<T> {
  const more = fetched.length > request.size;
  const page = fetched.slice(0, request.size);
  if (request.backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(list, keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== undefined : more,
      hasPreviousPage: request.backward ? more : request.cursor !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
