import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { KeyStore } from '@ots/keys';
import { MessagingService } from '@ots/messaging';
import { CaseEventDeliveryEntity } from './case-event.entity.js';
import { signCloudEvent, toCloudEvent } from './case-event-signing.js';
import { CASE_EVENT_SUBSCRIBERS, type ConfiguredSubscriber } from './configured-subscribers.js';
import { afterFailure, describeFailure, type DeliveryFailure } from './delivery-policy.js';

/** Deliveries under way at once; each holds a lease on its row. */
const MAX_IN_FLIGHT = 16;
const IDLE_POLL_MS = 250;
/** How long a claimed delivery is held; every subscriber's timeout is under it, so a slow one is never sent twice at once. */
const LEASE_MS = 30_000;

/**
 * Works the case-event outbox: claims due deliveries (on PostgreSQL with FOR UPDATE SKIP LOCKED, so replicas never
 * take the same row), POSTs each as a signed CloudEvent and records the outcome: delivered on a 2xx, else another
 * attempt after the outbox's backoff, dead after the subscriber's `maxAttempts`. A crash between the POST and the
 * record sends the event again after its lease: delivery is at least once, and the subscriber de-duplicates on
 * the event id. A pass runs at start-up, after every commit through `MessagingService.transaction`, after every
 * finished delivery and every 250 ms when idle.
 */
@Injectable()
export class CaseEventDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseEventDispatcher.name);
  private readonly byName: Map<string, ConfiguredSubscriber>;
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private kickedMeanwhile = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(CASE_EVENT_SUBSCRIBERS) subscribers: ConfiguredSubscriber[],
    private readonly config: NodeConfig,
    messaging: MessagingService,
  ) {
    this.byName = new Map(subscribers.map((s) => [s.name, s]));
    if (subscribers.length > 0) messaging.onEnqueue(() => this.kick());
  }

  onApplicationBootstrap(): void {
    // No subscriber, no work: rows of a subscriber since removed from the configuration stay as they are.
    if (this.byName.size > 0) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all(this.inFlight);
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.stopped || this.byName.size === 0) return;
    if (this.running) this.kickedMeanwhile = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.kickedMeanwhile = false;
      this.running = this.pass()
        .catch((err: Error) => {
          this.logger.error(`case-event pass failed: ${err.message}`);
          return false;
        })
        .then((full) => {
          this.running = undefined;
          if (!this.stopped) this.schedule(full || this.kickedMeanwhile ? 0 : IDLE_POLL_MS);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<boolean> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    if (room === 0) return false;
    const claimed = await this.claim(room);
    for (const delivery of claimed) {
      const sending: Promise<void> = this.deliver(delivery)
        .catch((err: Error) =>
          this.logger.error(`recording case event ${delivery.eventId} failed, it is sent again after its lease: ${err.message}`),
        )
        .finally(() => {
          this.inFlight.delete(sending);
          this.kick();
        });
      this.inFlight.add(sending);
    }
    return claimed.length === room;
  }

  private claim(limit: number, now = new Date()): Promise<CaseEventDeliveryEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CaseEventDeliveryEntity);
      const due = repository
        .createQueryBuilder('d')
        .where('d.status = :status', { status: 'pending' })
        .andWhere('d.nextAttemptAt <= :now', { now })
        .andWhere('(d.leaseUntil IS NULL OR d.leaseUntil < :now)', { now })
        .andWhere('d.subscriber IN (:...names)', { names: [...this.byName.keys()] })
        .orderBy('d.nextAttemptAt', 'ASC')
        .limit(limit);
      if (this.dataSource.options.type === 'postgres') due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await due.getMany();
      if (rows.length > 0) await repository.update({ id: In(rows.map((r) => r.id)) }, { leaseUntil: new Date(now.getTime() + LEASE_MS) });
      return rows;
    });
  }

  private async deliver(delivery: CaseEventDeliveryEntity): Promise<void> {
    const subscriber = this.byName.get(delivery.subscriber) as ConfiguredSubscriber;
    const failure = await this.post(subscriber, delivery);
    const repository = this.dataSource.getRepository(CaseEventDeliveryEntity);
    if (!failure) {
      await repository.update(
        { id: delivery.id },
        { status: 'delivered', attempts: delivery.attempts + 1, deliveredAt: new Date(), leaseUntil: null, lastError: null },
      );
      return;
    }
    const next = afterFailure(delivery.attempts, subscriber.maxAttempts, failure, this.config.outboxBaseDelayMs, new Date());
    const lastError = describeFailure(failure, subscriber.timeoutMs);
    await repository.update(
      { id: delivery.id },
      {
        status: next.status,
        attempts: next.attempts,
        leaseUntil: null,
        lastError,
        ...(next.status === 'pending' ? { nextAttemptAt: next.nextAttemptAt } : {}),
      },
    );
    if (next.status === 'dead')
      this.logger.warn(
        `case event ${delivery.eventId} (${delivery.eventType}) to subscriber ${subscriber.name} parked as dead after ${next.attempts} attempts: ${lastError}`,
      );
  }

  /** One POST; undefined when the subscriber took the event (any 2xx). */
  private async post(subscriber: ConfiguredSubscriber, delivery: CaseEventDeliveryEntity): Promise<DeliveryFailure | undefined> {
    const event = toCloudEvent(this.config.countryCode, {
      id: delivery.eventId,
      name: delivery.eventType,
      subject: delivery.subject,
      time: delivery.eventTime,
      data: delivery.data,
    });
    const { headers, body } = await signCloudEvent(event, this.keys.currentSigner());
    try {
      const response = await fetch(subscriber.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(subscriber.timeoutMs),
      });
      await response.body?.cancel();
      return response.status >= 200 && response.status < 300 ? undefined : { kind: 'status', status: response.status };
    } catch (err) {
      const error = err as Error;
      if (error.name === 'TimeoutError' || error.name === 'AbortError') return { kind: 'timeout' };
      const cause = (error.cause as Error | undefined)?.message;
      return { kind: 'network', message: cause ?? error.message };
    }
  }
}
