import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampType } from './column-types.js';

/** Trust anchors (docs/protocol section 3) and the partner root keys pinned or accepted by key continuity. */
export class TrustStore1732300000000 implements MigrationInterface {
  name = 'TrustStore1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'trust_anchor',
        columns: [
          { name: 'country', type: 'varchar', length: '2', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'valid_from', type: ts },
          { name: 'valid_to', type: ts, isNullable: true },
          { name: 'services_allowed', type: 'text', isNullable: true },
          { name: 'base_url', type: 'varchar', length: '512' },
          { name: 'graphql_endpoint', type: 'varchar', length: '512' },
          { name: 'status_list_endpoint', type: 'varchar', length: '512' },
          { name: 'entity_configuration', type: 'text' },
          { name: 'refreshed_at', type: ts },
          { name: 'created_at', type: ts },
          { name: 'updated_at', type: ts },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trust_anchor_key',
        columns: [
          { name: 'country', type: 'varchar', length: '2', isPrimary: true },
          { name: 'thumbprint', type: 'varchar', length: '64', isPrimary: true },
          { name: 'jwk', type: 'text' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'revoked_at', type: ts, isNullable: true },
          { name: 'revocation_reason', type: 'varchar', length: '16', isNullable: true },
          { name: 'added_at', type: ts },
        ],
        foreignKeys: [
          { columnNames: ['country'], referencedTableName: 'trust_anchor', referencedColumnNames: ['country'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'trust_anchor_key',
      new TableIndex({ name: 'idx_trust_anchor_key_thumbprint', columnNames: ['thumbprint'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('trust_anchor_key');
    await queryRunner.dropTable('trust_anchor');
  }
}
