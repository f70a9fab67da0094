import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Officers page through a destination's cases newest first: an index in that order, so a page reads only its rows. */
export class CaseListing1732700000000 implements MigrationInterface {
  name = 'CaseListing1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'application',
      new TableIndex({ name: 'idx_application_role_created', columnNames: ['role', 'created_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('application', 'idx_application_role_created');
  }
}
