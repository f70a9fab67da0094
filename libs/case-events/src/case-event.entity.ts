import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseEventDeliveryStatus, CaseEventName } from './case-event-types.js';

/**
 * The case-event outbox: one row per event and subscriber, written in the transaction of the case change that
 * caused the event, so an event exists exactly when its change committed. Each subscriber's row moves on its own:
 * one subscriber that is down parks only its own deliveries as dead.
 */
@Entity('case_event_delivery')
export class CaseEventDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The CloudEvents `id`: the same for every subscriber of the event and every attempt. */
  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  subscriber: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: CaseEventName;

  @Column({ type: 'varchar', length: 96 })
  subject: string;

  @Column({ type: 'simple-json' })
  data: Record<string, unknown>;

  @Column({ name: 'event_time', type: Date })
  eventTime: Date;

  @Column({ type: 'varchar', length: 16 })
  status: CaseEventDeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: Date, nullable: true })
  deliveredAt: Date | null;
}
