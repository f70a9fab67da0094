import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
export class TrustRefreshScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: NodeConfig,
    private readonly trust: TrustAnchorService,
    private readonly witness: WitnessService,
  ) {}

  private running = false;

  /** One pass: refresh, then witness. Never throws (each partner's failure is logged where it happens). */
  async pass(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.trust.refreshAll(SYSTEM);
      await this.witness.witnessAll(await this.trust.partnerLogs());
    } finally {
      this.running = false;
    }
  }

  onApplicationBootstrap(): void {
    if (this.config.trustRefreshSeconds === 0) return;
    this.timer = setInterval(() => void this.pass(), this.config.trustRefreshSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
