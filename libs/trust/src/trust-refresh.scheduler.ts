import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import { TrustAnchorService } from './trust-anchor.service.js';

/** Re-reads every partner's entity configuration on a timer, so root rollovers are followed without an admin. */
@Injectable()
export class TrustRefreshScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: NodeConfig,
    private readonly trust: TrustAnchorService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.trustRefreshSeconds === 0) return;
    this.timer = setInterval(
      () => void this.trust.refreshAll({ subject: 'system:trust-refresh', roles: ['admin'], issuer: 'node' }),
      this.config.trustRefreshSeconds * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
