import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** The case-event outbox (libs/case-events): one row per event and subscriber, worked like the message outbox. */
export class CaseEvents1733430000000 implements MigrationInterface {
  name = 'CaseEvents1733430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'case_event_delivery',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'subscriber', type: 'varchar', length: '40' },
          { name: 'event_type', type: 'varchar', length: '40' },
          { name: 'subject', type: 'varchar', length: '96' },
          { name: 'data', type: 'text' },
          { name: 'event_time', type: ts },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: ts },
          { name: 'lease_until', type: ts, isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'delivered_at', type: ts, isNullable: true },
        ],
        uniques: [{ name: 'uq_case_event_delivery', columnNames: ['event_id', 'subscriber'] }],
        indices: [
          { name: 'idx_case_event_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'idx_case_event_subscriber', columnNames: ['subscriber', 'status'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_event_delivery');
  }
}
