import { describe, expect, it } from 'vitest';
import { BadInputError } from '@ots/errors';
import {
  connectionFrom,
  decodeCursor,
  encodeCursor,
  pageRequest,
  type Connection,
  type ConnectionArgs,
  type CursorKey,
  type PageRequest,
} from './connection.js';
import { BadCursorError, PageTooLargeError } from './graphql-api.errors.js';

interface Row {
  at: string;
  id: string;
}
const LIMITS = { defaultSize: 3, maxSize: 5 };

/** Where `key` lies past `cursor` in the walking direction of a newest-first list: > 0 when it comes after. */
function compareKeys(key: CursorKey, cursor: CursorKey, backward: boolean): number {
  for (let i = 0; i < key.length; i++) {
    const [a, b] = [key[i] as string, cursor[i] as string];
    if (a !== b) return (a < b ? 1 : -1) * (backward ? -1 : 1);
  }
  return 0;
}

/** A store that answers a page request as keysetFind does in SQL: `size + 1` items strictly past the cursor. */
function pageOfList<T>(list: string, items: readonly T[], request: PageRequest, keyOf: (item: T) => CursorKey): Connection<T> {
  const walked = request.backward ? [...items].reverse() : [...items];
  const past = request.cursor
    ? walked.filter((item) => compareKeys(keyOf(item), request.cursor as CursorKey, request.backward) > 0)
    : walked;
  return connectionFrom(list, request, past.slice(0, request.size + 1), keyOf);
}
const keyOf = (row: Row): CursorKey => [row.at, row.id];
// Newest first, with equal timestamps so that the id decides.
const ROWS: Row[] = Array.from({ length: 13 }, (_, i) => ({
  at: `2026-01-${String(20 - Math.floor(i / 3)).padStart(2, '0')}T00:00:00.000Z`,
  id: `id-${99 - i}`,
}));

function walk(rows: Row[], backward: boolean, size: number): Row[] {
  const seen: Row[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const args: ConnectionArgs = backward ? { last: size, before: cursor } : { first: size, after: cursor };
    const page: Connection<Row> = pageOfList('row', rows, pageRequest('row', args, LIMITS, 2), keyOf);
    const nodes = page.edges.map((e) => e.node);
    if (backward) seen.unshift(...nodes);
    else seen.push(...nodes);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('Relay connections', () => {
  it('pages forwards and backwards to exactly the full list, in list order, for every page size', () => {
    for (const size of [1, 2, 3, 5]) {
      expect(walk(ROWS, false, size)).toEqual(ROWS);
      expect(walk(ROWS, true, size)).toEqual(ROWS);
    }
  });

  it('says where a page stands: first page, middle page, last page', () => {
    const first = pageOfList('row', ROWS, pageRequest('row', { first: 5 }, LIMITS, 2), keyOf);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = pageOfList('row', ROWS, pageRequest('row', { first: 5, after: first.pageInfo.endCursor }, LIMITS, 2), keyOf);
    expect(next.edges[0]?.node).toEqual(ROWS[5]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const newest = pageOfList('row', ROWS, pageRequest('row', { last: 2 }, LIMITS, 2), keyOf);
    expect(newest.edges.map((e) => e.node)).toEqual(ROWS.slice(-2));
    expect(newest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('keeps the next page stable when newer items arrive meanwhile (keyset, not offset)', () => {
    const page = pageOfList('row', ROWS, pageRequest('row', { first: 4 }, LIMITS, 2), keyOf);
    const grown = [{ at: '2026-02-01T00:00:00.000Z', id: 'id-new' }, ...ROWS];
    const next = pageOfList('row', grown, pageRequest('row', { first: 4, after: page.pageInfo.endCursor }, LIMITS, 2), keyOf);
    expect(next.edges.map((e) => e.node)).toEqual(ROWS.slice(4, 8));
  });

  it('takes the default size when no size is given, and refuses a size outside 1 to the maximum with PAGE_TOO_LARGE', () => {
    expect(pageRequest('row', {}, LIMITS, 2)).toEqual({ backward: false, size: 3 });
    for (const args of [{ first: 6 }, { last: 6 }, { first: 0 }, { last: -1 }])
      expect(() => pageRequest('row', args, LIMITS, 2)).toThrow(PageTooLargeError);
    try {
      pageRequest('row', { first: 6 }, LIMITS, 2);
    } catch (error) {
      expect((error as PageTooLargeError).params).toEqual({ max: 5 });
    }
  });

  it("refuses another list's cursor, a forged one and garbage with BAD_CURSOR, and both directions at once with BAD_INPUT", () => {
    const own = encodeCursor('row', ['2026-01-20T00:00:00.000Z', 'id-99']);
    expect(decodeCursor('row', own, 2)).toEqual(['2026-01-20T00:00:00.000Z', 'id-99']);
    for (const after of [
      encodeCursor('case', ['x', 'y']),
      encodeCursor('row', ['x']),
      encodeCursor('row', [{} as never, 'y']),
      'not a cursor',
      '%%%',
    ])
      expect(() => pageRequest('row', { after }, LIMITS, 2)).toThrow(BadCursorError);
    expect(() => pageRequest('row', { first: 2, before: own }, LIMITS, 2)).toThrow(BadInputError);
  });
});

describe('closed sets as enums', () => {
  it('names wire values in SCREAMING_CASE', async () => {
    const { screamingCase } = await import('./closed-set.js');
    expect(['under-review', 'application.submit', 'kk', 'UNSUPPORTED_ALG', 'stale-cache'].map(screamingCase)).toEqual([
      'UNDER_REVIEW',
      'APPLICATION_SUBMIT',
      'KK',
      'UNSUPPORTED_ALG',
      'STALE_CACHE',
    ]);
  });
});
