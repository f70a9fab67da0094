import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLogService } from '@ots/audit';
import { ConfigError, FederationConfig, loadFederationConfig, NodeConfig } from '@ots/config';
import { ConfigReloadRefusedError } from './membership.errors.js';
import { reloadProblems } from './reload-check.js';

/**
 * Takes a new federation-config while the node runs (the `reloadConfiguration` mutation, or SIGHUP): the whole of
 * federation.json is read and validated first, then checked against what this node runs with; only then does it
 * replace the old one, all at once. A refused file changes nothing. Both outcomes are audited.
 */
@Injectable()
export class ConfigurationReloadService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConfigurationReloadService.name);
  private readonly onSignal = (): void => {
    this.reload('signal:SIGHUP').then(
      (federation) => this.logger.log(`federation-config reloaded on SIGHUP: ${federation.countries.map((c) => c.code).join(', ')}`),
      (err: Error) => this.logger.error(`federation-config reload on SIGHUP refused: ${err.message}`),
    );
  };

  constructor(
    private readonly federation: FederationConfig,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
  ) {}

  onApplicationBootstrap(): void {
    process.on('SIGHUP', this.onSignal);
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onSignal);
  }

  async reload(actor: string): Promise<FederationConfig> {
    let next: FederationConfig;
    try {
      next = loadFederationConfig(this.federation.directory);
      const problems = reloadProblems(this.federation, next, this.config.countryCode);
      if (problems.length > 0) throw new ConfigError(`${this.federation.directory}/federation.json: ${problems.join('; ')}`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const detail = err.message.slice(0, 1000);
      await this.audit.record({ actor, action: 'config.reload-refused', subject: 'federation.json', details: { problem: detail } });
      throw new ConfigReloadRefusedError(detail, { detail }, { extensions: { detail } });
    }
    const before = new Set(this.federation.countries.map((c) => c.code));
    const after = next.countries.map((c) => c.code);
    this.federation.adopt(next);
    await this.audit.record({
      actor,
      action: 'config.reloaded',
      subject: 'federation.json',
      details: { countries: after, added: after.filter((c) => !before.has(c)), removed: [...before].filter((c) => !after.includes(c)) },
    });
    return this.federation;
  }
}
