import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL only: how many rows the outbox and the inbox hold, kept by triggers in the transaction that adds or
 * removes them, so `messageCounts` reads a few rows instead of counting a million (docs/benchmarks.md, growth).
 * Each connection adds to a row of its own (`slot` is its backend's process id): a connection runs one
 * transaction at a time, so writers never wait for one another on the tally and cannot deadlock over it. Slot 0
 * holds what was counted when the table was made and what connections that are gone left behind
 * (libs/messaging's MessageCounter folds their rows into it). SQLite needs none of this: it counts the rows
 * added since its last count by rowid, on its own.
 */
export class MessageTally1733440000000 implements MigrationInterface {
  name = 'MessageTally1733440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query(
      `CREATE TABLE "message_tally" ("kind" varchar(6) NOT NULL, "slot" integer NOT NULL, "rows" bigint NOT NULL, PRIMARY KEY ("kind", "slot"))`,
    );
    await queryRunner.query(`CREATE FUNCTION "message_tally_added"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "message_tally" ("kind", "slot", "rows")
          SELECT TG_ARGV[0], pg_backend_pid(), COUNT(*) FROM "changed" HAVING COUNT(*) > 0
          ON CONFLICT ("kind", "slot") DO UPDATE SET "rows" = "message_tally"."rows" + EXCLUDED."rows";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION "message_tally_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "message_tally" ("kind", "slot", "rows")
          SELECT TG_ARGV[0], pg_backend_pid(), -COUNT(*) FROM "changed" HAVING COUNT(*) > 0
          ON CONFLICT ("kind", "slot") DO UPDATE SET "rows" = "message_tally"."rows" + EXCLUDED."rows";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION "message_tally_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "message_tally" WHERE "kind" = TG_ARGV[0];
        RETURN NULL;
      END $$`);
    for (const [table, kind] of [
      ['outbox_message', 'outbox'],
      ['inbox_message', 'inbox'],
    ]) {
      // No row is added or removed between the count and the triggers: the lock is held until this migration commits.
      await queryRunner.query(`LOCK TABLE "${table}" IN SHARE MODE`);
      await queryRunner.query(`INSERT INTO "message_tally" ("kind", "slot", "rows") SELECT '${kind}', 0, COUNT(*) FROM "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${table}_tally_added" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS "changed"
         FOR EACH STATEMENT EXECUTE FUNCTION "message_tally_added"('${kind}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_tally_removed" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS "changed"
         FOR EACH STATEMENT EXECUTE FUNCTION "message_tally_removed"('${kind}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_tally_truncated" AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "message_tally_truncated"('${kind}')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const table of ['outbox_message', 'inbox_message'])
      for (const trigger of ['added', 'removed', 'truncated'])
        await queryRunner.query(`DROP TRIGGER "${table}_tally_${trigger}" ON "${table}"`);
    for (const fn of ['added', 'removed', 'truncated']) await queryRunner.query(`DROP FUNCTION "message_tally_${fn}"()`);
    await queryRunner.query(`DROP TABLE "message_tally"`);
  }
}
