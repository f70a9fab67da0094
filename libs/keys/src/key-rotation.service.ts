import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { ConfigError, parseInput } from '@ots/config';
import { z } from 'zod';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { KEY_REVOCATION_REASONS, signHistoricalKeys, type HistoricalKey } from '@ots/jws';
import { EntityConfigurationService } from './entity-configuration.service.js';
import { KeyStore } from './key-store.js';
import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';

type Listener = () => void;

export const revokeOwnKeyCommand = z.object({
  thumbprint: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)'),
  reason: z.enum(KEY_REVOCATION_REASONS),
});

/**
 * Writes what changed in the key store into a log inside the transaction that audits the change (libs/transparency
 * registers itself here: it sits above keys, so keys cannot call it by name).
 */
export interface KeyChangeRecorder {
  recordKeyChanges(manager: EntityManager): Promise<void>;
}

/** Who made the keys a node creates or migrates by itself at start-up (first start, renewal, encryption at rest). */
export const KEY_STARTUP_ACTOR = 'system:keys';

/** Own key rotation (admin): each change is written to keys.json, audited and logged, and re-published at once. */
@Injectable()
export class KeyRotationService implements OnApplicationBootstrap {
  private readonly listeners: Listener[] = [];
  private recorder?: KeyChangeRecorder;
  private historicalKeys?: () => Promise<Record<string, unknown>>;

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly entityConfiguration: EntityConfigurationService,
    private readonly audit: AuditLogService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Audits what KeyStore.open did before the database was open: keys generated, certified, the file encrypted. */
  async onApplicationBootstrap(): Promise<void> {
    const events = this.keys.takeEvents();
    if (events.length === 0) return;
    await this.dataSource.transaction((manager) =>
      this.audit.appendMany(
        manager,
        events.map((e) => ({ actor: KEY_STARTUP_ACTOR, action: e.action, subject: e.kid, details: e.details })),
      ),
    );
  }

  /** Lets caches built from these keys (the trust view) drop them after a change. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** What the root signs as the historical keys (libs/transparency): the payload of a `revocation` request. */
  useHistoricalKeys(payload: () => Promise<Record<string, unknown>>): void {
    this.historicalKeys = payload;
  }

  /** The transparency log; one recorder per node. */
  useRecorder(recorder: KeyChangeRecorder): void {
    this.recorder = recorder;
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

  /** Revokes one of the node's own certified keys; `compromised` makes verifiers refuse everything it signed. */
  async revokeKey(input: unknown, principal: Principal): Promise<string> {
    const command = parseInput(revokeOwnKeyCommand, input);
    await this.run(() => this.keys.revokeKey(command.thumbprint, command.reason));
    await this.changed(principal, 'keys.revoke', command.thumbprint, { reason: command.reason });
    return command.thumbprint;
  }

  /**
   * Moves the root private key off the node (file backend): returned once, to be kept on the offline machine; the
   * node then serves the 45-day entity configuration and the historical keys the root signed just before it left.
   */
  async exportRoot(principal: Principal): Promise<JWK> {
    const privateJwk = await this.run(() =>
      this.keys.exportRoot(async (root) => {
        const entityConfiguration = await this.entityConfiguration.signBeforeRootLeaves(root);
        if (!this.historicalKeys) return { entityConfiguration };
        const payload = (await this.historicalKeys()) as { iat: number; keys: HistoricalKey[] };
        const historicalKeys = await signHistoricalKeys({
          country: this.keys.country,
          keys: payload.keys,
          signingRoot: root,
          issuedAt: payload.iat,
        });
        return { entityConfiguration, historicalKeys };
      }),
    );
    await this.changed(principal, 'keys.export-root', privateJwk.kid ?? '');
    return privateJwk;
  }

  /**
   * A new signer or encryption key pair kept pending, and the request for the offline root to certify it; or the
   * request to sign today's entity configuration (after an import, so that partners read the new certificates) or
   * today's historical keys (after a revocation, so that partners refuse what the revoked key signed).
   */
  async requestKey(kind: 'signer' | 'encryption' | 'entity-configuration' | 'revocation', principal: Principal): Promise<string> {
    const request = await this.run(async () => {
      if (kind === 'entity-configuration')
        return this.keys.requestStatement(kind, randomUUID(), { ...this.entityConfiguration.offlinePayload() });
      if (kind === 'revocation') {
        if (!this.historicalKeys) throw new ConfigError('this node publishes no historical keys');
        return this.keys.requestStatement(kind, randomUUID(), await this.historicalKeys());
      }
      return this.keys.requestCertificate(kind, randomUUID());
    });
    await this.changed(principal, 'keys.requested', request.requestId, { kind });
    return JSON.stringify(request);
  }

  /** Installs a response signed by the offline root after checking it against its pending request. */
  async importResponse(response: string, principal: Principal): Promise<string> {
    let raw: unknown;
    try {
      raw = JSON.parse(response);
    } catch (err) {
      throw new BadInputError(`the response is not JSON: ${(err as Error).message}`, { detail: (err as Error).message });
    }
    const imported = await this.run(() => this.keys.importResponse(raw));
    await this.changed(principal, 'keys.imported', imported.kid, { kind: imported.kind, request: imported.requestId });
    return imported.kid;
  }

  private async run<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (err) {
      if (err instanceof ConfigError) throw new BadInputError(err.message, { detail: err.message });
      throw err;
    }
  }

  /**
   * keys.json is written first (it cannot join a database transaction); the audit line and the log entries then
   * commit together. Should the process stop in between, the log catches up with keys.json at the next start.
   */
  private async changed(principal: Principal, action: string, kid: string, details: Record<string, unknown> = {}): Promise<void> {
    this.entityConfiguration.invalidate();
    for (const listener of this.listeners) listener();
    await this.dataSource.transaction(async (manager) => {
      // The keys the change generated and certified, each its own entry, then the change itself.
      const events = this.keys
        .takeEvents()
        .map((e) => ({ actor: principal.subject, action: e.action, subject: e.kid, details: e.details }));
      await this.audit.appendMany(manager, [...events, { actor: principal.subject, action, subject: kid, details }]);
      await this.recorder?.recordKeyChanges(manager);
    });
  }
}
