import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** The key-transparency log (libs/transparency): its leaves, what this node witnessed of partners, cosignatures, alarms. */
export class Transparency1733100000000 implements MigrationInterface {
  name = 'Transparency1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'transparency_entry',
        columns: [
          { name: 'idx', type: 'integer', isPrimary: true },
          { name: 'event', type: 'varchar', length: '40' },
          { name: 'subject', type: 'varchar', length: '64' },
          { name: 'leaf', type: 'text' },
          { name: 'leaf_hash', type: 'varchar', length: '64' },
          { name: 'at', type: ts },
        ],
      }),
    );
    await queryRunner.manager.insert('sequence_counter', { id: 'transparency-seq', next: 0 });
    await queryRunner.createTable(
      new Table({
        name: 'transparency_witnessed',
        columns: [
          { name: 'country', type: 'varchar', length: '2', isPrimary: true },
          { name: 'size', type: 'integer' },
          { name: 'root_hash', type: 'varchar', length: '44' },
          { name: 'note', type: 'text' },
          { name: 'cosigned_at', type: ts },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transparency_cosignature',
        columns: [
          { name: 'witness', type: 'varchar', length: '2', isPrimary: true },
          { name: 'size', type: 'integer' },
          { name: 'root_hash', type: 'varchar', length: '44' },
          { name: 'line', type: 'text' },
          { name: 'received_at', type: ts },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transparency_alarm',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'country', type: 'varchar', length: '2' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'evidence', type: 'text' },
          { name: 'raised_at', type: ts },
          { name: 'cleared_at', type: ts, isNullable: true },
          { name: 'cleared_by', type: 'varchar', length: '128', isNullable: true },
          { name: 'clear_note', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [{ name: 'idx_transparency_alarm_country', columnNames: ['country', 'cleared_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('transparency_alarm');
    await queryRunner.dropTable('transparency_cosignature');
    await queryRunner.dropTable('transparency_witnessed');
    await queryRunner.manager.delete('sequence_counter', { id: 'transparency-seq' });
    await queryRunner.dropTable('transparency_entry');
  }
}
