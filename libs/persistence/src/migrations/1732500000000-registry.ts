import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** Admin changes to the service catalog, laid over the federation-config files, and the registry version. */
export class Registry1732500000000 implements MigrationInterface {
  name = 'Registry1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'registry_service',
        columns: [
          { name: 'code', type: 'varchar', length: '48', isPrimary: true },
          { name: 'definition', type: 'text' },
          { name: 'texts', type: 'text' },
          { name: 'retired', type: 'boolean' },
          { name: 'updated_by', type: 'varchar', length: '128' },
          { name: 'updated_at', type: timestampType(queryRunner) },
        ],
      }),
    );
    await queryRunner.manager.insert('sequence_counter', { id: 'registry-version', next: 1 });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.delete('sequence_counter', { id: 'registry-version' });
    await queryRunner.dropTable('registry_service');
  }
}
