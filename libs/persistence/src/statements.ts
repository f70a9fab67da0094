import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const rendered = new WeakMap<object, Map<string, string>>();

/** `?` placeholders as the connected database wants them (`$1, $2, ...` on PostgreSQL), rendered once per text. */
function forDriver(manager: EntityManager, text: string): string {
  const driver = manager.connection.driver;
  let texts = rendered.get(driver);
  if (!texts) rendered.set(driver, (texts = new Map()));
  let sql = texts.get(text);
  if (sql === undefined) {
    let index = 0;
    sql = text.replace(/\?/g, () => driver.createParameter(`p${index}`, index++));
    texts.set(text, sql);
  }
  return sql;
}

/**
 * Runs a hand-written statement inside the caller's transaction and returns
 * its rows (RETURNING included, on both databases). For the few statements
 * every message runs: there TypeORM's query builder cost several times the
 * database work (docs/benchmarks.md). Values are bound, never spliced in.
 */
export async function runStatement<T extends ObjectLiteral>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('runStatement runs inside the caller\'s transaction');
  const result = await runner.query(forDriver(manager, text), parameters, true);
  return (result.records ?? []) as T[];
}

/** A value as TypeORM would store it in `property` of `entity` (dates on SQLite become UTC text, for one). */
export function storedValue(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
  const column = manager.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column ${property}`);
  return manager.connection.driver.preparePersistentValue(value, column);
}
