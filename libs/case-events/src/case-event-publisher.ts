import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertEntities } from '@ots/persistence';
import { CaseEventDeliveryEntity } from './case-event.entity.js';
import { CASE_EVENT_SUBSCRIBERS, type ConfiguredSubscriber } from './configured-subscribers.js';
import type { CaseEvent } from './case-event-types.js';

/**
 * Where domains hand over their events: `publish` writes one delivery per subscriber that takes the event's type,
 * inside the caller's transaction (the transactional outbox), so an event is queued exactly when the case change
 * it reports commits. Every publishing transaction runs through `MessagingService.transaction`, whose commit wakes
 * the dispatcher.
 */
@Injectable()
export class CaseEventPublisher {
  constructor(@Inject(CASE_EVENT_SUBSCRIBERS) private readonly subscribers: ConfiguredSubscriber[]) {}

  async publish(manager: EntityManager, ...events: CaseEvent[]): Promise<void> {
    const now = new Date();
    const rows: CaseEventDeliveryEntity[] = [];
    for (const event of events) {
      const eventId = randomUUID();
      for (const subscriber of this.subscribers) {
        if (!subscriber.types.includes(event.name)) continue;
        rows.push({
          id: randomUUID(),
          eventId,
          subscriber: subscriber.name,
          eventType: event.name,
          subject: event.subject,
          data: event.data as unknown as Record<string, unknown>,
          eventTime: now,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          leaseUntil: null,
          lastError: null,
          deliveredAt: null,
        });
      }
    }
    if (rows.length > 0) await insertEntities(manager, CaseEventDeliveryEntity, rows);
  }
}
