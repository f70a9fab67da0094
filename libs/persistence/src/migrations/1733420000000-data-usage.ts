import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** Every read of a person's register data and every document about them sent abroad, with its purpose (myDataUsage). */
export class DataUsage1733420000000 implements MigrationInterface {
  name = 'DataUsage1733420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_usage',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '96' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'purpose_kind', type: 'varchar', length: '16' },
          { name: 'purpose_ref', type: 'varchar', length: '200' },
          { name: 'partner', type: 'varchar', length: '2', isNullable: true },
          { name: 'categories', type: 'text' },
          { name: 'doc_types', type: 'text' },
          { name: 'created_at', type: timestampType(queryRunner) },
        ],
      }),
    );
    await queryRunner.createIndex(
      'data_usage',
      new TableIndex({ name: 'idx_data_usage_subject', columnNames: ['subject', 'created_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_usage');
  }
}
