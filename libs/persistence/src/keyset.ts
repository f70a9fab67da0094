import { Equal, LessThan, MoreThan, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';

/** A page to fetch: `size + 1` rows past the cursor, newest first forwards, oldest first backwards (see @ots/graphql-api's pageRequest). */
export interface KeysetRequest {
  backward: boolean;
  size: number;
  cursor?: readonly (string | number)[];
}

/** One column of a list's sort key, newest (largest) first; dates travel in cursors as ISO strings. */
export interface KeysetColumn<E> {
  property: keyof E & string;
  date?: boolean;
}

/**
 * Keyset paging in one query: the rows strictly past the cursor in the walking direction, at most `size + 1` (the
 * extra row says whether there is more). Rows inserted meanwhile neither shift nor repeat a page.
 *
 * @example
 * keysetFind(repository, { role: 'destination' }, [{ property: 'createdAt', date: true }, { property: 'id' }], request)
 */
export function keysetFind<E extends ObjectLiteral>(
  repository: Repository<E>,
  where: FindOptionsWhere<E>,
  columns: readonly KeysetColumn<E>[],
  request: KeysetRequest,
): Promise<E[]> {
  const value = (i: number): unknown => {
    const part = request.cursor?.[i];
    return columns[i]?.date ? new Date(String(part)) : part;
  };
  const past = request.backward ? MoreThan : LessThan;
  const wheres: FindOptionsWhere<E>[] = request.cursor
    ? columns.map((column, i) => ({
        ...where,
        ...Object.fromEntries(columns.slice(0, i).map((before, j) => [before.property, Equal(value(j))])),
        [column.property]: past(value(i)),
      }))
    : [where];
  const direction = request.backward ? 'ASC' : 'DESC';
  const order = Object.fromEntries(columns.map((c) => [c.property, direction])) as FindOptionsOrder<E>;
  return repository.find({ where: wheres, order, take: request.size + 1 });
}

/** The cursor key of a row: its sort-key columns, dates as ISO strings. */
export function keysetKey<E extends ObjectLiteral>(row: E, columns: readonly KeysetColumn<E>[]): (string | number)[] {
  return columns.map((c) => {
    const v: unknown = row[c.property];
    return v instanceof Date ? v.toISOString() : (v as string | number);
  });
}
