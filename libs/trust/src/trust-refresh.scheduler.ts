import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import type { Principal } from '@ots/identity';
import { WitnessService } from '@ots/transparency';
import { TrustAnchorService } from './trust-anchor.service.js';

const SYSTEM: Principal = { subject: 'system:trust-refresh', roles: ['admin'], issuer: 'node' };

/**
 * Re-reads every partner's entity configuration on a timer, so root rollovers are followed without an admin, then
 * witnesses their transparency logs with the keys just read. A pass still running when the next is due is not doubled.
 */
@Injectable()
export class TrustRefreshScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: NodeConfig,
    private readonly trust: TrustAnchorService,
    private readonly witness: WitnessService,
  ) {}

  private readonly logger = new Logger(TrustRefreshScheduler.name);
  private running?: Promise<void>;

  /** One pass: refresh, then witness. Never throws (each partner's failure is logged where it happens). */
  pass(): Promise<void> {
    this.running ??= (async () => {
      await this.trust.refreshAll(SYSTEM);
      await this.witness.witnessAll(await this.trust.partnerLogs());
    })()
      .catch((err: Error) => this.logger.warn(`trust refresh pass failed: ${err.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  onApplicationBootstrap(): void {
    if (this.config.trustRefreshSeconds === 0) return;
    this.timer = setInterval(() => void this.pass(), this.config.trustRefreshSeconds * 1000);
    this.timer.unref();
  }

  /** Before the server and the database close: no pass starts, and the one running ends first. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
