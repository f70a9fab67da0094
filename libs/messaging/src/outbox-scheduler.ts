import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingService } from './messaging.service.js';
import type { OutboxMessageEntity } from './message.entities.js';
import { OutboxBatchWriter } from './outbox-batch-writer.js';
import { OutboxClaimer } from './outbox-claimer.js';
import { OutboxSender } from './outbox-sender.js';

/** Messages on their way at once; each holds a lease on its row. */
const MAX_IN_FLIGHT = 64;
const IDLE_POLL_MS = 250;

/**
 * Decides when the outbox is worked: a pass claims as many due messages as there is room in flight for and
 * starts sending each; a finished send makes room for the next at once (a slow partner does not hold back a
 * batch). A pass runs at start-up, after every commit that enqueued (`MessagingService.transaction`), after
 * every finished send and every 250 ms when idle. A crash leaves the leases to expire and the messages are
 * sent again; the recipient's (iss, jti) check makes that harmless.
 */
@Injectable()
export class OutboxScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Kicked while a pass ran: the next one starts without waiting for the poll. */
  private kickedMeanwhile = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    messaging: MessagingService,
    private readonly claimer: OutboxClaimer,
    private readonly sender: OutboxSender,
    private readonly writer: OutboxBatchWriter,
  ) {
    messaging.onEnqueue(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all(this.inFlight);
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.kickedMeanwhile = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.kickedMeanwhile = false;
      const running = this.pass()
        .catch((err: Error) => {
          this.logger.error(`outbox pass failed: ${err.message}`);
          return false;
        })
        .then((full) => {
          this.running = undefined;
          if (!this.stopped) this.schedule(full || this.kickedMeanwhile ? 0 : IDLE_POLL_MS);
        });
      this.running = running;
    }, delayMs);
    this.timer.unref();
  }

  /** Claims what fits in flight and starts sending it; true when every free place was filled (there may be more). */
  private async pass(): Promise<boolean> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    // Full: every send that finishes kicks a new pass.
    if (room === 0) return false;
    const claimed = await this.claimer.claim(room);
    for (const message of claimed) this.start(message);
    return claimed.length === room;
  }

  private start(message: OutboxMessageEntity): void {
    const sending: Promise<void> = this.sender
      .send(message)
      .then((outcome) => this.writer.record(outcome))
      .catch((err: Error) =>
        this.logger.error(`recording the send of ${message.jti} failed, it is sent again after its lease: ${err.message}`),
      )
      .finally(() => {
        this.inFlight.delete(sending);
        this.kick();
      });
    this.inFlight.add(sending);
  }
}
