import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { InboxMessageEntity, OutboxMessageEntity } from '@ots/messaging';

/** One line of the console's live feed. */
export interface FeedEvent {
  kind: 'queued' | 'delivered' | 'dead' | 'received';
  at: string;
  /** The other node: the recipient of an outgoing message, the sender of an incoming one. */
  partner: string;
  msgType: string;
  jti: string;
}

export type FeedListener = (event: FeedEvent) => void;

const TICK_MS = 1000;
const BATCH = 200;

/**
 * Tails the outbox and inbox tables for the console's live feed: what any replica sent or received shows, since
 * the database is what they share. It reads only while someone is listening, once a second, whatever the number of
 * listeners; the pages themselves never poll for it.
 */
@Injectable()
export class MessageFeedService implements OnModuleDestroy {
  private readonly logger = new Logger(MessageFeedService.name);
  private readonly listeners = new Set<FeedListener>();
  private timer: NodeJS.Timeout | undefined;
  private since = { queued: new Date(), delivered: new Date(), received: new Date() };
  private readonly deadSeen = new Set<string>();
  private reading = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts calling `listener` with every event from now on; the answer stops it. */
  subscribe(listener: FeedListener): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onModuleDestroy(): void {
    this.listeners.clear();
    this.stop();
  }

  private start(): void {
    const now = new Date();
    this.since = { queued: now, delivered: now, received: now };
    this.deadSeen.clear();
    void this.seedDead();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A message already dead when the feed starts is not news. */
  private async seedDead(): Promise<void> {
    const dead = await this.dataSource.getRepository(OutboxMessageEntity).find({ where: { status: 'dead' }, select: { id: true } });
    for (const message of dead) this.deadSeen.add(message.id);
  }

  private async tick(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      const until = new Date();
      const outbox = this.dataSource.getRepository(OutboxMessageEntity);
      const [queued, delivered, dead, received] = await Promise.all([
        outbox.find({ where: { createdAt: MoreThan(this.since.queued) }, order: { createdAt: 'ASC' }, take: BATCH }),
        outbox.find({ where: { deliveredAt: MoreThan(this.since.delivered) }, order: { deliveredAt: 'ASC' }, take: BATCH }),
        outbox.find({ where: { status: 'dead' }, order: { createdAt: 'DESC' }, take: BATCH }),
        this.dataSource
          .getRepository(InboxMessageEntity)
          .find({ where: { receivedAt: MoreThan(this.since.received) }, order: { receivedAt: 'ASC' }, take: BATCH }),
      ]);
      const events: FeedEvent[] = [
        ...queued.map((m) => outgoing('queued', m, m.createdAt)),
        ...delivered.map((m) => outgoing('delivered', m, m.deliveredAt ?? until)),
        ...dead.filter((m) => !this.deadSeen.has(m.id)).map((m) => outgoing('dead', m, until)),
        ...received.map((m): FeedEvent => ({
          kind: 'received',
          at: m.receivedAt.toISOString(),
          partner: m.iss,
          msgType: m.msgType,
          jti: m.jti,
        })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      for (const m of dead) this.deadSeen.add(m.id);
      this.since = {
        queued: latest(
          queued.map((m) => m.createdAt),
          this.since.queued,
        ),
        delivered: latest(
          delivered.map((m) => m.deliveredAt),
          this.since.delivered,
        ),
        received: latest(
          received.map((m) => m.receivedAt),
          this.since.received,
        ),
      };
      for (const event of events) for (const listener of this.listeners) listener(event);
    } catch (err) {
      this.logger.warn(`feed read failed: ${(err as Error).message}`);
    } finally {
      this.reading = false;
    }
  }
}

const outgoing = (kind: FeedEvent['kind'], m: OutboxMessageEntity, at: Date): FeedEvent => ({
  kind,
  at: at.toISOString(),
  partner: m.recipient,
  msgType: m.msgType,
  jti: m.jti,
});

const latest = (dates: (Date | null)[], fallback: Date): Date =>
  dates.filter((d): d is Date => d instanceof Date).reduce((a, b) => (b > a ? b : a), fallback);
