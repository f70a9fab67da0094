import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { BadInputError } from '@ots/errors';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import type { Principal } from '@ots/identity';
import { MessagingService } from '@ots/messaging';
import { keysetFind, keysetKey, type KeysetColumn } from '@ots/persistence';
import { CaseEventDeliveryEntity } from './case-event.entity.js';
import type { CaseEventDeliveryStatus } from './case-event-types.js';
import { CASE_EVENT_SUBSCRIBERS, type ConfiguredSubscriber } from './configured-subscribers.js';

/** A subscriber as an admin reviews it: its configuration and where its deliveries stand. */
export interface SubscriberState extends ConfiguredSubscriber {
  pending: number;
  delivered: number;
  dead: number;
  /** Why the latest failed attempt failed, among deliveries not yet delivered. */
  lastError: string | null;
  lastDeliveredAt: Date | null;
}

const DELIVERY_KEY: KeysetColumn<CaseEventDeliveryEntity>[] = [{ property: 'eventTime', date: true }, { property: 'id' }];

/** The admin's side of the case-event outbox: subscribers and their state, deliveries, and the retry of dead ones. */
@Injectable()
export class CaseEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_EVENT_SUBSCRIBERS) private readonly subscribers: ConfiguredSubscriber[],
    private readonly messaging: MessagingService,
    private readonly audit: AuditLogService,
  ) {}

  /** Deliveries by subscriber and status: what the gauges and the doctor read. */
  async counts(): Promise<Map<string, Record<CaseEventDeliveryStatus, number>>> {
    const rows = await this.dataSource
      .getRepository(CaseEventDeliveryEntity)
      .createQueryBuilder('d')
      .select('d.subscriber', 'subscriber')
      .addSelect('d.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('d.subscriber')
      .addGroupBy('d.status')
      .getRawMany<{ subscriber: string; status: CaseEventDeliveryStatus; count: string | number }>();
    const counts = new Map(this.subscribers.map((s) => [s.name, { pending: 0, delivered: 0, dead: 0 }]));
    for (const { subscriber, status, count } of rows) {
      const entry = counts.get(subscriber);
      if (entry) entry[status] = Number(count);
    }
    return counts;
  }

  async subscriberStates(): Promise<SubscriberState[]> {
    const counts = await this.counts();
    const repository = this.dataSource.getRepository(CaseEventDeliveryEntity);
    return Promise.all(
      this.subscribers.map(async (s) => {
        const failing = await repository
          .createQueryBuilder('d')
          .select(['d.id', 'd.lastError'])
          .where('d.subscriber = :name', { name: s.name })
          .andWhere('d.status <> :delivered', { delivered: 'delivered' })
          .andWhere('d.lastError IS NOT NULL')
          .orderBy('d.eventTime', 'DESC')
          .getOne();
        const delivered = await repository.findOne({
          select: { id: true, deliveredAt: true },
          where: { subscriber: s.name, status: 'delivered' },
          order: { deliveredAt: 'DESC' },
        });
        return {
          ...s,
          ...(counts.get(s.name) ?? { pending: 0, delivered: 0, dead: 0 }),
          lastError: failing?.lastError ?? null,
          lastDeliveredAt: delivered?.deliveredAt ?? null,
        };
      }),
    );
  }

  /** Deliveries, newest event first, one page (docs/api.md, "Paging"). */
  async deliveries(
    filter: { subscriber?: string | null; status?: CaseEventDeliveryStatus | null } | null,
    paging: ConnectionArgs,
  ): Promise<Connection<CaseEventDeliveryEntity>> {
    const request = pageRequest('case-event', paging, RECORD_PAGES, DELIVERY_KEY.length);
    const where: FindOptionsWhere<CaseEventDeliveryEntity> = {
      ...(filter?.subscriber ? { subscriber: filter.subscriber } : {}),
      ...(filter?.status ? { status: filter.status } : {}),
    };
    const rows = await keysetFind(this.dataSource.getRepository(CaseEventDeliveryEntity), where, DELIVERY_KEY, request);
    return connectionFrom('case-event', request, rows, (row) => keysetKey(row, DELIVERY_KEY));
  }

  /**
   * Puts a subscriber's dead deliveries (or the one of `eventId`) back in line for an immediate attempt, their
   * attempts counted afresh; returns how many. The event keeps its id, so a subscriber that did take it after all
   * sees a repeat it drops.
   */
  async retry(subscriber: string, eventId: string | null, principal: Principal): Promise<number> {
    if (!this.subscribers.some((s) => s.name === subscriber))
      throw new BadInputError('unknown subscriber', {
        detail: `subscriber: no subscriber ${subscriber.slice(0, 40)}; CASE_EVENT_SUBSCRIBERS lists ${this.subscribers.map((s) => s.name).join(', ') || 'none'}`,
      });
    return this.messaging.transaction(async (manager) => {
      const result = await manager
        .getRepository(CaseEventDeliveryEntity)
        .update(
          { subscriber, status: 'dead', ...(eventId ? { eventId } : {}) },
          { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null },
        );
      const retried = result.affected ?? 0;
      await this.audit.append(manager, {
        actor: principal.subject,
        action: 'case-event.retry',
        subject: subscriber,
        details: { retried, ...(eventId ? { eventId } : {}) },
      });
      return retried;
    });
  }
}
