import { Inject, Injectable } from '@nestjs/common';
import { AuditLogService } from '@ots/audit';
import { ConfigError } from '@ots/config';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { EntityConfigurationService } from './entity-configuration.service.js';
import { KeyStore } from './key-store.js';

type Listener = () => void;

/** Own key rotation (admin): each change is written to keys.json, audited, and re-published at once. */
@Injectable()
export class KeyRotationService {
  private readonly listeners: Listener[] = [];

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly entityConfiguration: EntityConfigurationService,
    private readonly audit: AuditLogService,
  ) {}

  /** Lets caches built from these keys (the trust view) drop them after a change. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  async rotateSigner(principal: Principal): Promise<string> {
    const signer = await this.run(() => this.keys.rotateSigner());
    await this.changed(principal, 'keys.rotate-signer', signer.kid);
    return signer.kid;
  }

  async addRoot(principal: Principal): Promise<string> {
    const kid = await this.run(() => this.keys.addRoot());
    await this.changed(principal, 'keys.add-root', kid);
    return kid;
  }

  async retireRoot(kid: string, principal: Principal): Promise<string> {
    await this.run(() => this.keys.retireRoot(kid));
    await this.changed(principal, 'keys.retire-root', kid);
    return kid;
  }

  private async run<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (err) {
      if (err instanceof ConfigError) throw new BadInputError(err.message, { detail: err.message });
      throw err;
    }
  }

  private async changed(principal: Principal, action: string, kid: string): Promise<void> {
    this.entityConfiguration.invalidate();
    for (const listener of this.listeners) listener();
    await this.audit.record({ actor: principal.subject, action, subject: kid });
  }
}
