import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '@ots/audit';
import { countryCodeSchema, FederationConfig, NodeConfig, parseInput } from '@ots/config';
import type { Principal } from '@ots/identity';
import {
  JwsVerificationError,
  toPublicJwk,
  verifyEntityConfiguration,
  verifyHistoricalKeys,
  type HistoricalKey,
  type VerifiedEntityConfiguration,
} from '@ots/jws';
import {
  partnerLogKey,
  TransparencyAlarmOpenError,
  TransparencyAlarmService,
  TransparencyLogService,
  type LogEvent,
  type PartnerLog,
} from '@ots/transparency';
import { EntityConfigurationClient, fetchHistoricalKeys } from './entity-configuration.client.js';
import { describePartnerKeys, type PartnerKey } from './partner-keys.js';
import { TrustAnchorEntity, TrustAnchorKeyEntity, type AnchorStatus } from './trust-anchor.entity.js';
import { TrustViewService } from './trust-view.service.js';
import {
  BadEntityConfigurationError,
  SelfTrustError,
  ThumbprintMismatchError,
  TrustAnchorNotFoundError,
  TrustTransitionError,
  UnknownCountryError,
} from './trust.errors.js';

const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;
const thumbprint = z.string().regex(THUMBPRINT, 'must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)');

export const addTrustAnchorCommand = z.object({
  country: countryCodeSchema,
  thumbprints: z.array(thumbprint).min(1).max(4),
  baseUrl: z
    .string()
    .url('must be a URL')
    .refine((u) => ['http:', 'https:'].includes(new URL(u).protocol), 'must be http or https'),
});
export const revokeKeyCommand = z.object({ country: countryCodeSchema, thumbprint, reason: z.enum(['compromised', 'superseded']) });
export const restrictServicesCommand = z.object({
  country: countryCodeSchema,
  services: z
    .array(z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{2,40}$/, 'must be a service code such as TR-RP-WORK'))
    .max(500)
    .nullable(),
});

/**
 * The trust store (docs/protocol section 3). A partner is trusted only through
 * an anchor its admin configured, and only after its entity configuration
 * proved to be signed by a root key the admin pinned out of band. Every
 * change is audited in the same transaction.
 */
@Injectable()
export class TrustAnchorService implements OnModuleInit {
  private readonly logger = new Logger(TrustAnchorService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly client: EntityConfigurationClient,
    private readonly audit: AuditLogService,
    private readonly view: TrustViewService,
    private readonly transparency: TransparencyLogService,
    private readonly alarms: TransparencyAlarmService,
  ) {}

  /** A node that had anchors before it had a log records them in its genesis entries. */
  onModuleInit(): void {
    this.transparency.addGenesisSource(async (manager) => {
      const anchors = await manager.getRepository(TrustAnchorEntity).find({ order: { country: 'ASC' } });
      return anchors.flatMap((anchor) => [
        {
          event: 'trust.pinned',
          subject: anchor.country,
          thumbprints: anchor.keys.filter((k) => k.status === 'active' && k.source !== 'signer').map((k) => k.thumbprint),
          status: anchor.status,
          genesis: true,
        } satisfies LogEvent,
        ...anchor.keys
          .filter((k) => k.status === 'revoked')
          .map((k) => ({
            event: 'trust.key-revoked' as const,
            subject: anchor.country,
            thumbprint: k.thumbprint,
            reason: k.revocationReason,
            revoked_at: k.revokedAt?.toISOString(),
            genesis: true,
          })),
      ]);
    });
  }

  /** Every active partner that publishes a log certified by a root this node trusts: what the witness checks. */
  async partnerLogs(): Promise<PartnerLog[]> {
    const logs: PartnerLog[] = [];
    for (const anchor of await this.list()) {
      if (anchor.status !== 'active') continue;
      const roots = new Map(anchor.keys.filter((k) => k.status === 'active' && k.source !== 'signer').map((k) => [k.thumbprint, k.jwk]));
      const logKey = await partnerLogKey(anchor.entityConfiguration, roots, anchor.country);
      if (logKey) logs.push({ country: anchor.country, baseUrl: anchor.baseUrl, logKey });
    }
    return logs;
  }

  list(): Promise<TrustAnchorEntity[]> {
    return this.dataSource.getRepository(TrustAnchorEntity).find({ order: { country: 'ASC' } });
  }

  /** What this node knows of the partner's keys, with their status. */
  async keysOf(country: string): Promise<PartnerKey[]> {
    return describePartnerKeys(await this.find(parseInput(countryCodeSchema, country)), new Date());
  }

  /**
   * Fetches the partner's entity configuration from `baseUrl`, refuses it
   * unless a pinned thumbprint signed it, and stores the anchor with every
   * root key that configuration announces. Adding a known partner again
   * re-checks it and makes it active.
   */
  async add(input: unknown, principal: Principal): Promise<TrustAnchorEntity> {
    const command = parseInput(addTrustAnchorCommand, input);
    this.checkPartner(command.country);
    const jws = await this.client.fetch(command.country, command.baseUrl);
    const verified = await this.verifyStatement(jws, command.country, command.thumbprints, principal.subject);
    return this.change(
      command.country,
      principal,
      'trust.add',
      { thumbprints: command.thumbprints, baseUrl: command.baseUrl },
      (manager, existing) => {
        const now = new Date();
        const anchor = manager.getRepository(TrustAnchorEntity).create({
          ...existing,
          country: command.country,
          status: 'active',
          validFrom: existing?.validFrom ?? now,
          validTo: existing?.validTo ?? null,
          servicesAllowed: existing?.servicesAllowed ?? null,
          baseUrl: command.baseUrl.replace(/\/+$/, ''),
          createdAt: existing?.createdAt ?? now,
          keys: existing?.keys ?? [],
        });
        this.applyStatement(manager, anchor, jws, verified, command.thumbprints, now);
        return anchor;
      },
      { allowMissing: true },
    );
  }

  /**
   * Key continuity: re-reads the partner's entity configuration and accepts
   * root keys it announces, provided the statement is signed by a root key
   * this node already trusts. Anything else is refused and audited.
   */
  async refresh(country: string, principal: Principal): Promise<TrustAnchorEntity> {
    const existing = await this.find(country);
    const trustedRoots = existing.keys.filter((k) => k.status === 'active').map((k) => k.thumbprint);
    const jws = await this.client.fetch(country, existing.baseUrl);
    const verified = await this.verifyStatement(jws, country, trustedRoots, principal.subject);
    const announced = [...verified.rootKeys.keys()].filter((t) => !existing.keys.some((k) => k.thumbprint === t));
    if (announced.length > 0 && (await this.alarms.hasOpenAlarm(country))) {
      await this.audit.record({
        actor: principal.subject,
        action: 'trust.root-refused-transparency-alarm',
        subject: country,
        details: { newRootKeys: announced },
      });
      throw new TransparencyAlarmOpenError(`${country}'s log has an open transparency alarm; new root keys are refused`, { country });
    }
    const historical = await this.historicalKeys(country, existing.baseUrl, verified);
    const revokedByPartner: { thumbprint: string; reason: string; revokedAt: string }[] = [];
    return this.change(country, principal, 'trust.refresh', { newRootKeys: announced, revokedByPartner }, (manager, anchor) => {
      const current = anchor as TrustAnchorEntity;
      this.applyStatement(manager, current, jws, verified, [], new Date());
      revokedByPartner.push(...this.applyHistoricalKeys(manager, current, historical));
      return current;
    });
  }

  /** Refreshes every active anchor; failures are logged and audited, never thrown. */
  async refreshAll(principal: Principal): Promise<void> {
    for (const anchor of await this.list()) {
      if (anchor.status !== 'active') continue;
      await this.refresh(anchor.country, principal).catch((err: Error) =>
        this.logger.warn(`refresh of ${anchor.country} failed: ${err.message}`),
      );
    }
  }

  setStatus(country: string, status: AnchorStatus, principal: Principal): Promise<TrustAnchorEntity> {
    const action = { active: 'trust.reactivate', suspended: 'trust.suspend', revoked: 'trust.revoke' }[status];
    return this.change(country, principal, action, {}, (_manager, anchor) => {
      const current = anchor as TrustAnchorEntity;
      if (current.status === 'revoked') {
        throw new TrustTransitionError(`${country} is revoked; only a new trust ceremony (trust add) restores it`, {
          country,
          from: current.status,
          to: status,
        });
      }
      current.status = status;
      return current;
    });
  }

  /** Revokes one partner key (root or signer) with docs/protocol section 3 semantics. */
  revokeKey(input: unknown, principal: Principal): Promise<TrustAnchorEntity> {
    const command = parseInput(revokeKeyCommand, input);
    return this.change(
      command.country,
      principal,
      'trust.revoke-key',
      { thumbprint: command.thumbprint, reason: command.reason },
      (manager, anchor) => {
        const current = anchor as TrustAnchorEntity;
        const now = new Date();
        let key = current.keys.find((k) => k.thumbprint === command.thumbprint);
        if (!key) {
          // A signer key is known only from the certificates in documents; it is recorded by its revocation.
          key = manager
            .getRepository(TrustAnchorKeyEntity)
            .create({ country: command.country, thumbprint: command.thumbprint, jwk: {}, source: 'signer', addedAt: now });
          current.keys.push(key);
        }
        key.status = 'revoked';
        key.revokedAt = now;
        key.revocationReason = command.reason;
        return current;
      },
    );
  }

  /** Stores the restriction; PartnerServicesService (libs/registry) checks the codes against the catalog first. */
  restrictServices(input: unknown, principal: Principal): Promise<TrustAnchorEntity> {
    const command = parseInput(restrictServicesCommand, input);
    return this.change(command.country, principal, 'trust.restrict-services', { services: command.services }, (_manager, anchor) => {
      const current = anchor as TrustAnchorEntity;
      current.servicesAllowed = command.services;
      return current;
    });
  }

  private async find(country: string): Promise<TrustAnchorEntity> {
    const anchor = await this.dataSource.getRepository(TrustAnchorEntity).findOne({ where: { country } });
    if (!anchor) throw new TrustAnchorNotFoundError(`no trust anchor for ${country}`, { country });
    return anchor;
  }

  private checkPartner(country: string): void {
    if (!this.federation.country(country)) throw new UnknownCountryError(`unknown country ${country}`, { country });
    if (country === this.config.countryCode) throw new SelfTrustError('a node cannot trust itself');
  }

  /** Runs one change of an anchor and its audit line in a single transaction, then refreshes the verifiers' view. */
  private async change(
    country: string,
    principal: Principal,
    action: string,
    details: Record<string, unknown>,
    mutate: (manager: EntityManager, existing: TrustAnchorEntity | undefined) => TrustAnchorEntity,
    options: { allowMissing?: boolean } = {},
  ): Promise<TrustAnchorEntity> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const existing = (await manager.getRepository(TrustAnchorEntity).findOne({ where: { country } })) ?? undefined;
      if (!existing && !options.allowMissing) throw new TrustAnchorNotFoundError(`no trust anchor for ${country}`, { country });
      const anchor = mutate(manager, existing);
      anchor.updatedAt = new Date();
      await manager.getRepository(TrustAnchorEntity).save(anchor);
      await this.audit.append(manager, {
        actor: principal.subject,
        action,
        subject: country,
        details: { ...details, status: anchor.status },
      });
      await this.transparency.append(manager, trustLogEvents(action, country, details, anchor));
      return anchor;
    });
    this.view.invalidate();
    this.logger.log(`${action} ${country} by ${principal.subject}`);
    return saved;
  }

  private applyStatement(
    manager: EntityManager,
    anchor: TrustAnchorEntity,
    jws: string,
    verified: VerifiedEntityConfiguration,
    pinned: string[],
    now: Date,
  ): void {
    const metadata = verified.payload.metadata.ots_node;
    anchor.graphqlEndpoint = String(metadata.graphql_endpoint);
    anchor.statusListEndpoint = String(metadata.status_list_endpoint);
    anchor.entityConfiguration = jws;
    anchor.refreshedAt = now;
    for (const [thumbprint, jwk] of verified.rootKeys) {
      const known = anchor.keys.find((k) => k.thumbprint === thumbprint);
      if (known) {
        known.jwk = jwk;
        if (pinned.includes(thumbprint)) known.source = 'pinned';
        continue;
      }
      anchor.keys.push(
        manager.getRepository(TrustAnchorKeyEntity).create({
          country: anchor.country,
          thumbprint,
          jwk: jwk as Record<string, unknown>,
          source: pinned.includes(thumbprint) ? 'pinned' : 'continuity',
          status: 'active',
          revokedAt: null,
          revocationReason: null,
          addedAt: now,
        }),
      );
    }
  }

  /** The partner's own word on its retired keys, verified with the roots its statement just proved; [] when unavailable. */
  private async historicalKeys(country: string, baseUrl: string, verified: VerifiedEntityConfiguration): Promise<HistoricalKey[]> {
    const jwt = await fetchHistoricalKeys(baseUrl, verified.payload.metadata.federation_entity?.federation_historical_keys_endpoint);
    if (!jwt) return [];
    try {
      return await verifyHistoricalKeys(jwt, country, verified.rootKeys);
    } catch (err) {
      this.logger.warn(`historical keys of ${country} refused: ${(err as Error).message}`);
      return [];
    }
  }

  /**
   * Records the revocations a partner published, so that verifiers here and anchors files exported from here apply
   * them (docs/protocol section 3 rules); a known key only ever gets a graver reason, never a milder one.
   */
  private applyHistoricalKeys(
    manager: EntityManager,
    anchor: TrustAnchorEntity,
    keys: HistoricalKey[],
  ): { thumbprint: string; reason: string; revokedAt: string }[] {
    const applied: { thumbprint: string; reason: string; revokedAt: string }[] = [];
    for (const key of keys) {
      const revokedAt = new Date(key.revoked.revoked_at * 1000);
      let known = anchor.keys.find((k) => k.thumbprint === key.kid);
      if (known?.status === 'revoked' && (known.revocationReason === 'compromised' || key.revoked.reason === 'superseded')) continue;
      if (!known) {
        const { exp: _exp, revoked: _revoked, ...jwk } = key;
        known = manager.getRepository(TrustAnchorKeyEntity).create({
          country: anchor.country,
          thumbprint: key.kid,
          jwk: toPublicJwk(jwk) as Record<string, unknown>,
          source: 'signer',
          addedAt: new Date(),
        });
        anchor.keys.push(known);
      }
      known.status = 'revoked';
      known.revokedAt = revokedAt;
      known.revocationReason = key.revoked.reason;
      applied.push({ thumbprint: key.kid, reason: key.revoked.reason, revokedAt: revokedAt.toISOString() });
    }
    return applied;
  }

  private async verifyStatement(jws: string, country: string, thumbprints: string[], actor: string): Promise<VerifiedEntityConfiguration> {
    try {
      return await verifyEntityConfiguration(jws, country, thumbprints, Math.floor(Date.now() / 1000));
    } catch (err) {
      if (!(err instanceof JwsVerificationError)) throw err;
      this.logger.warn(`entity configuration of ${country} refused: ${err.reason}: ${err.message}`);
      await this.audit.record({
        actor,
        action: 'trust.entity-configuration-refused',
        subject: country,
        details: { reason: err.reason, detail: err.message },
      });
      // The admin's own call: what was wrong with the partner's statement is theirs to read.
      const options = { cause: err, extensions: { reason: err.reason, detail: err.message } };
      if (err.reason === 'UNKNOWN_KEY') throw new ThumbprintMismatchError(err.message, { country }, options);
      throw new BadEntityConfigurationError(err.message, { country, reason: err.reason }, options);
    }
  }
}

/** The transparency log entries for a trust decision (docs/transparency.md); service restrictions are not key history. */
function trustLogEvents(action: string, country: string, details: Record<string, unknown>, anchor: TrustAnchorEntity): LogEvent[] {
  switch (action) {
    case 'trust.add':
      return [{ event: 'trust.pinned', subject: country, thumbprints: details.thumbprints, status: anchor.status }];
    case 'trust.refresh': {
      const accepted = details.newRootKeys as string[];
      const revoked = details.revokedByPartner as { thumbprint: string; reason: string; revokedAt: string }[];
      return [
        ...(accepted.length > 0
          ? [{ event: 'trust.key-accepted' as const, subject: country, thumbprints: accepted, by: 'continuity' }]
          : []),
        ...revoked.map((r) => ({
          event: 'trust.key-revoked' as const,
          subject: country,
          thumbprint: r.thumbprint,
          reason: r.reason,
          revoked_at: r.revokedAt,
          by: 'historical-keys',
        })),
      ];
    }
    case 'trust.suspend':
      return [{ event: 'trust.suspended', subject: country }];
    case 'trust.reactivate':
      return [{ event: 'trust.reactivated', subject: country }];
    case 'trust.revoke':
      return [{ event: 'trust.revoked', subject: country }];
    case 'trust.revoke-key': {
      const key = anchor.keys.find((k) => k.thumbprint === details.thumbprint);
      return [
        {
          event: 'trust.key-revoked',
          subject: country,
          thumbprint: details.thumbprint,
          reason: details.reason,
          revoked_at: key?.revokedAt?.toISOString(),
        },
      ];
    }
    default:
      return [];
  }
}
