import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What this node issued: never the document's content beyond its type and subject, never key material. */
@Entity('issued_document')
export class IssuedDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti: string;

  @Column({ name: 'doc_type', type: 'varchar', length: 40 })
  docType: string;

  @Column({ type: 'varchar', length: 96 })
  subject: string;

  @Column({ type: 'varchar', length: 8 })
  lang: string;

  @Column({ name: 'status_list_id', type: 'varchar', length: 16 })
  statusListId: string;

  @Column({ name: 'status_index', type: 'integer' })
  statusIndex: number;

  @Column({ name: 'issued_by', type: 'varchar', length: 128 })
  issuedBy: string;

  @Column({ name: 'issued_at', type: Date })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 200, nullable: true })
  revocationReason: string | null;
}
