import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** The durable outbox and the de-duplicating inbox (docs/protocol section 6), and the cross-border cases they carry. */
export class MessagingAndApplications1732600000000 implements MigrationInterface {
  name = 'MessagingAndApplications1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    // The audit chain takes its sequence numbers under this row's lock, so concurrent writers (replicas) queue instead of forking it.
    const [{ last }] = (await queryRunner.query('SELECT COALESCE(MAX(seq), 0) AS last FROM audit_entry')) as [{ last: number | string }];
    await queryRunner.manager.insert('sequence_counter', { id: 'audit-seq', next: Number(last) + 1 });
    await queryRunner.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'recipient', type: 'varchar', length: '2' },
          { name: 'msg_type', type: 'varchar', length: '40' },
          { name: 'jti', type: 'varchar', length: '64', isUnique: true },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: ts },
          { name: 'lease_until', type: ts, isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'envelope', type: 'text', isNullable: true },
          { name: 'sent_digests', type: 'text' },
          { name: 'receipt', type: 'text', isNullable: true },
          { name: 'created_at', type: ts },
          { name: 'delivered_at', type: ts, isNullable: true },
        ],
        indices: [{ name: 'idx_outbox_due', columnNames: ['status', 'next_attempt_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          { name: 'iss', type: 'varchar', length: '2', isPrimary: true },
          { name: 'jti', type: 'varchar', length: '64', isPrimary: true },
          { name: 'msg_type', type: 'varchar', length: '40' },
          { name: 'envelope_sha256', type: 'varchar', length: '64' },
          { name: 'receipt', type: 'text' },
          { name: 'received_at', type: ts },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'application',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '12' },
          { name: 'applicant', type: 'varchar', length: '96' },
          { name: 'home_country', type: 'varchar', length: '2' },
          { name: 'destination', type: 'varchar', length: '2' },
          { name: 'service_code', type: 'varchar', length: '48' },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'form', type: 'text' },
          { name: 'consent', type: 'text' },
          { name: 'documents', type: 'text' },
          { name: 'timeline', type: 'text' },
          { name: 'decision_reason', type: 'text', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '128', isNullable: true },
          { name: 'created_at', type: ts },
          { name: 'updated_at', type: ts },
        ],
        indices: [
          { name: 'idx_application_applicant', columnNames: ['applicant'] },
          { name: 'idx_application_role_status', columnNames: ['role', 'status'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_request',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'application_id', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '12' },
          { name: 'applicant', type: 'varchar', length: '96' },
          { name: 'doc_type', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'requested_at', type: ts },
          { name: 'answered_at', type: ts, isNullable: true },
        ],
        indices: [{ name: 'idx_evidence_request_applicant', columnNames: ['applicant', 'status'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'citizen_document',
        columns: [
          { name: 'jti', type: 'varchar', length: '64', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '96' },
          { name: 'doc_type', type: 'varchar', length: '40' },
          { name: 'issuer', type: 'varchar', length: '2' },
          { name: 'jws', type: 'text' },
          { name: 'application_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'received_at', type: ts },
        ],
        indices: [{ name: 'idx_citizen_document_holder', columnNames: ['holder'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'tax_record',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'country', type: 'varchar', length: '2' },
          { name: 'subject', type: 'varchar', length: '96' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'detail', type: 'text' },
          { name: 'created_at', type: ts },
          { name: 'updated_at', type: ts },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tax_record', 'citizen_document', 'evidence_request', 'application', 'inbox_message', 'outbox_message'])
      await queryRunner.dropTable(table);
    await queryRunner.manager.delete('sequence_counter', { id: 'audit-seq' });
  }
}
