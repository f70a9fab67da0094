import type { QueryRunner } from 'typeorm';

/**
 * The one place where the two databases differ in the schema: what a
 * `Date` property maps to. Everything else uses types both understand.
 */
export function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
}
