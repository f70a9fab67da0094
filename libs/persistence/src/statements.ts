import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

interface Rendered {
  sql: string;
  /** The prepared statement's name on PostgreSQL connections. */
  name: string;
}

const rendered = new WeakMap<object, Map<string, Rendered>>();

/** `?` placeholders as the connected database wants them (`$1, $2, ...` on PostgreSQL), rendered once per text. */
function forDriver(manager: EntityManager, text: string): Rendered {
  const driver = manager.connection.driver;
  let texts = rendered.get(driver);
  if (!texts) rendered.set(driver, (texts = new Map<string, Rendered>()));
  let statement = texts.get(text);
  if (statement === undefined) {
    let index = 0;
    const sql = text.replace(/\?/g, () => driver.createParameter(`p${index}`, index++));
    statement = { sql, name: `ots_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}` };
    texts.set(text, statement);
  }
  return statement;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: ObjectLiteral[] }>;
}

/**
 * Runs a hand-written statement inside the caller's transaction and returns
 * its rows (RETURNING included, on both databases). For the few statements
 * every message runs: there TypeORM's query builder cost several times the
 * database work (docs/benchmarks.md). On PostgreSQL it is a named prepared
 * statement, parsed and planned once per connection. Values are bound,
 * never spliced in.
 */
export async function runStatement<T extends ObjectLiteral>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error("runStatement runs inside the caller's transaction");
  const { sql, name } = forDriver(manager, text);
  if (manager.connection.options.type === 'postgres') {
    const client = (await runner.connect()) as PgClient;
    try {
      return (await client.query({ name, text: sql, values: parameters })).rows as T[];
    } catch (err) {
      throw new QueryFailedError(sql, parameters, err as Error);
    }
  }
  const result = await runner.query(sql, parameters, true);
  return (result.records ?? []) as T[];
}

export interface SqlNames<T> {
  /** The entity's table, quoted for the connected database. */
  table: string;
  /** A property's column, quoted for the connected database; a property with no column throws. */
  column: (property: keyof T & string) => string;
}

const names = new WeakMap<object, SqlNames<never>>();

/**
 * Table and column names for a hand-written statement, taken from the entity's metadata, so that SQL text never
 * spells a column by hand and a renamed property fails to compile instead of failing at run time.
 *
 * @example
 * const { table, column: c } = sqlNames(manager, OutboxMessageEntity);
 * await runStatement(manager, `UPDATE ${table} SET ${c('receipt')} = ? WHERE ${c('id')} = ?`, [receipt, id]);
 */
export function sqlNames<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>): SqlNames<T> {
  const metadata = manager.connection.getMetadata(entity);
  let known = names.get(metadata) as SqlNames<T> | undefined;
  if (!known) {
    const driver = manager.connection.driver;
    const quoted = new Map(metadata.columns.map((c) => [c.propertyName, driver.escape(c.databaseName)]));
    known = {
      table: driver.escape(metadata.tableName),
      column: (property) => {
        const column = quoted.get(property);
        if (column === undefined) throw new Error(`${metadata.name} has no column ${property}`);
        return column;
      },
    };
    names.set(metadata, known as SqlNames<never>);
  }
  return known;
}

/** Rows per INSERT: few statement shapes to prepare, well under either database's limit on bound values. */
const INSERT_CHUNK = 100;

/**
 * Inserts whole entities inside the caller's transaction as plain
 * multi-row INSERTs, each value stored as TypeORM would store it. For the
 * rows every application and message writes: TypeORM's insert builds its
 * SQL anew each time and on SQLite splices numbers into the text, so each
 * row was a statement of its own to prepare (docs/benchmarks.md). Every
 * column is written; a missing value is a programming error unless the
 * column is nullable.
 */
export async function insertEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${metadata.columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${metadata.columns.map(() => '?').join(', ')})`;
  const valueOf = (row: T, column: ColumnMetadata): unknown => {
    const value: unknown = column.getEntityValue(row);
    if (value === undefined && !column.isNullable) throw new Error(`${metadata.name}.${column.propertyName} has no value`);
    return driver.preparePersistentValue(value ?? null, column);
  };
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    await runStatement(
      manager,
      head + chunk.map(() => tuple).join(', '),
      chunk.flatMap((row) => metadata.columns.map((column) => valueOf(row, column))),
    );
  }
}

const columns = new WeakMap<object, Map<string, ColumnMetadata>>();

/** A value as TypeORM would store it in `property` of `entity` (dates on SQLite become UTC text, for one). */
export function storedValue(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
  const metadata = manager.connection.getMetadata(entity);
  let byProperty = columns.get(metadata);
  if (!byProperty) columns.set(metadata, (byProperty = new Map<string, ColumnMetadata>()));
  let column = byProperty.get(property);
  if (!column) {
    column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`no column ${property}`);
    byProperty.set(property, column);
  }
  return manager.connection.driver.preparePersistentValue(value, column);
}
