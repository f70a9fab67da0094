import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A message waiting for its receipt; written in the same transaction as the change that caused it. */
@Entity('outbox_message')
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 2 })
  recipient: string;

  @Column({ name: 'msg_type', type: 'varchar', length: 40 })
  msgType: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  jti: string;

  @Column({ type: 'simple-json' })
  body: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt: Date;

  /** A sender holds the row until then; another replica takes it over only after it passed. */
  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The last signed envelope, re-sent as it is while it has not expired. */
  @Column({ type: 'text', nullable: true })
  envelope: string | null;

  @Column({ name: 'sent_digests', type: 'simple-json' })
  sentDigests: string[];

  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: Date, nullable: true })
  deliveredAt: Date | null;

  /** The W3C traceparent of the request that enqueued it; its sends continue that trace. */
  @Column({ name: 'trace_parent', type: 'varchar', length: 55, nullable: true })
  traceParent: string | null;
}

/** A processed message, by sender and `jti`: a repeat gets the stored receipt and changes nothing. */
@Entity('inbox_message')
export class InboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  iss: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti: string;

  @Column({ name: 'msg_type', type: 'varchar', length: 40 })
  msgType: string;

  @Column({ name: 'envelope_sha256', type: 'varchar', length: 64 })
  envelopeSha256: string;

  @Column({ type: 'text' })
  receipt: string;

  @Column({ name: 'received_at', type: Date })
  receivedAt: Date;
}
