import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** Issued documents with their status-list slots, and the hash-chained audit log. */
export class DocumentsAndAudit1732400000000 implements MigrationInterface {
  name = 'DocumentsAndAudit1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'issued_document',
        columns: [
          { name: 'jti', type: 'varchar', length: '64', isPrimary: true },
          { name: 'doc_type', type: 'varchar', length: '40' },
          { name: 'subject', type: 'varchar', length: '96' },
          { name: 'lang', type: 'varchar', length: '8' },
          { name: 'status_list_id', type: 'varchar', length: '16' },
          { name: 'status_index', type: 'integer' },
          { name: 'issued_by', type: 'varchar', length: '128' },
          { name: 'issued_at', type: ts },
          { name: 'expires_at', type: ts },
          { name: 'revoked_at', type: ts, isNullable: true },
          { name: 'revocation_reason', type: 'varchar', length: '200', isNullable: true },
        ],
        uniques: [{ name: 'uq_issued_document_status_slot', columnNames: ['status_list_id', 'status_index'] }],
        indices: [{ name: 'idx_issued_document_subject', columnNames: ['subject'] }],
      }),
    );
    // One row per sequence; `UPDATE ... SET next = next + 1` row-locks it, so concurrent issuers never share a slot.
    await queryRunner.createTable(
      new Table({
        name: 'sequence_counter',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'next', type: 'integer' },
        ],
      }),
    );
    await queryRunner.manager.insert('sequence_counter', { id: 'status-slot', next: 0 });
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'at', type: ts },
          { name: 'actor', type: 'varchar', length: '128' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'subject', type: 'varchar', length: '128' },
          { name: 'details', type: 'text' },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
    await queryRunner.dropTable('sequence_counter');
    await queryRunner.dropTable('issued_document');
  }
}
