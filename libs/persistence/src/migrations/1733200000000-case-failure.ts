import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** An `undelivered` case keeps why its message did not arrive, and which outbox message to retry. */
export class CaseFailure1733200000000 implements MigrationInterface {
  name = 'CaseFailure1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('application', new TableColumn({ name: 'failure', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('application', 'failure');
  }
}
