import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The W3C `traceparent` of the request that enqueued a message: its sends, later and from the outbox worker,
 * continue that trace, so one message is followed from the citizen's request through both nodes' logs.
 */
export class OutboxTraceContext1733300000000 implements MigrationInterface {
  name = 'OutboxTraceContext1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'outbox_message',
      new TableColumn({ name: 'trace_parent', type: 'varchar', length: '55', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('outbox_message', 'trace_parent');
  }
}
