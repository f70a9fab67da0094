import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of the append-only log; `hash` covers this entry and, through `prevHash`, all before it. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: Date })
  at: Date;

  @Column({ type: 'varchar', length: 128 })
  actor: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 128 })
  subject: string;

  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
