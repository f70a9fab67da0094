import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { describeIssues, FederationConfig, NodeConfig } from '@ots/config';
import { BadInputError } from '@ots/errors';
import { JwsVerificationError, verifyEntityConfiguration, type VerifiedEntityConfiguration } from '@ots/jws';
import type { Principal } from '@ots/identity';
import { EntityConfigurationClient } from './entity-configuration.client.js';
import { TrustAnchorEntity, TrustAnchorKeyEntity } from './trust-anchor.entity.js';
import { BadEntityConfigurationError, SelfTrustError, ThumbprintMismatchError, UnknownCountryError } from './trust.errors.js';

const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

export const addTrustAnchorCommand = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code in upper case'),
  thumbprints: z.array(z.string().regex(THUMBPRINT, 'must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)')).min(1).max(4),
  baseUrl: z
    .string()
    .url('must be a URL')
    .refine((u) => ['http:', 'https:'].includes(new URL(u).protocol), 'must be http or https'),
});
export type AddTrustAnchorCommand = z.infer<typeof addTrustAnchorCommand>;

/**
 * The trust store (PROTOCOL section 3). A partner is trusted only through
 * an anchor its admin configured, and only after its entity configuration
 * proved to be signed by a root key the admin pinned out of band.
 */
@Injectable()
export class TrustAnchorService {
  private readonly logger = new Logger(TrustAnchorService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly client: EntityConfigurationClient,
  ) {}

  list(): Promise<TrustAnchorEntity[]> {
    return this.dataSource.getRepository(TrustAnchorEntity).find({ order: { country: 'ASC' } });
  }

  /**
   * Fetches the partner's entity configuration from `baseUrl`, refuses it
   * unless a pinned thumbprint signed it, and stores the anchor with every
   * root key that configuration announces. Adding a known partner again
   * re-checks and refreshes it.
   */
  async add(input: unknown, principal: Principal): Promise<TrustAnchorEntity> {
    const parsed = addTrustAnchorCommand.safeParse(input);
    if (!parsed.success) throw new BadInputError(describeIssues(parsed.error.issues), { detail: describeIssues(parsed.error.issues) });
    const command = parsed.data;
    if (!this.federation.country(command.country)) throw new UnknownCountryError(`unknown country ${command.country}`, { country: command.country });
    if (command.country === this.config.countryCode) throw new SelfTrustError('a node cannot trust itself');

    const jws = await this.client.fetch(command.country, command.baseUrl);
    const verified = await this.verify(jws, command.country, command.thumbprints);
    const anchor = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const repository = manager.getRepository(TrustAnchorEntity);
      const existing = await repository.findOne({ where: { country: command.country } });
      const metadata = verified.payload.metadata.ots_node;
      const anchor = repository.create({
        ...existing,
        country: command.country,
        status: 'active',
        validFrom: existing?.validFrom ?? now,
        validTo: existing?.validTo ?? null,
        servicesAllowed: existing?.servicesAllowed ?? null,
        baseUrl: command.baseUrl.replace(/\/+$/, ''),
        graphqlEndpoint: String(metadata.graphql_endpoint),
        statusListEndpoint: String(metadata.status_list_endpoint),
        entityConfiguration: jws,
        refreshedAt: now,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        keys: [],
      });
      const previousKeys = new Map((existing?.keys ?? []).map((k) => [k.thumbprint, k]));
      const announced = [...verified.rootKeys].map(([thumbprint, jwk]) => {
        const previous = previousKeys.get(thumbprint);
        return manager.getRepository(TrustAnchorKeyEntity).create({
          country: command.country,
          thumbprint,
          jwk: jwk as Record<string, unknown>,
          source: command.thumbprints.includes(thumbprint) ? 'pinned' : (previous?.source ?? 'continuity'),
          status: previous?.status ?? 'active',
          revokedAt: previous?.revokedAt ?? null,
          revocationReason: previous?.revocationReason ?? null,
          addedAt: previous?.addedAt ?? now,
        });
      });
      // Keys the partner no longer announces stay on record: their revocation state still decides old documents.
      anchor.keys = [...announced, ...[...previousKeys.values()].filter((k) => !verified.rootKeys.has(k.thumbprint))];
      await repository.save(anchor);
      return anchor;
    });
    this.logger.log(`trust anchor ${command.country} added by ${principal.subject} (root keys ${[...verified.rootKeys.keys()].join(', ')})`);
    return anchor;
  }

  private async verify(jws: string, country: string, thumbprints: string[]): Promise<VerifiedEntityConfiguration> {
    try {
      return await verifyEntityConfiguration(jws, country, thumbprints, Math.floor(Date.now() / 1000));
    } catch (err) {
      if (!(err instanceof JwsVerificationError)) throw err;
      this.logger.warn(`entity configuration of ${country} refused: ${err.reason}: ${err.message}`);
      if (err.reason === 'UNKNOWN_KEY') throw new ThumbprintMismatchError(err.message, { country }, { cause: err });
      throw new BadEntityConfigurationError(err.message, { country, reason: err.reason }, { cause: err });
    }
  }
}
