import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { FederationConfig, NodeConfig, parseInput } from '@ots/config';
import { ENTITY_CONFIGURATION_TYP, JwsVerificationError, parseCompactJws, verifyEntityConfiguration } from '@ots/jws';
import {
  BadEntityConfigurationError,
  EntityConfigurationClient,
  SelfTrustError,
  TrustAnchorService,
  UnknownCountryError,
} from '@ots/trust';

/** What a partner's node says about itself, checked only for being well-formed and signed by a root key it announces. */
export interface PartnerInspection {
  country: string;
  baseUrl: string;
  rootKeyThumbprints: string[];
  signedBy: string;
  expiresAt: Date;
  /** This node's trust state for the country: active, suspended or revoked; null when it holds no anchor. */
  trustStatus: string | null;
}

const inspectCommand = z.object({
  baseUrl: z
    .string()
    .url('must be a URL')
    .refine((u) => ['http:', 'https:'].includes(new URL(u).protocol), 'must be http or https'),
});

/**
 * The first half of the trust ceremony: the node (never the browser) fetches the partner's entity configuration
 * and shows which root keys it announces, so that two admins can compare thumbprints by telephone before one is
 * pinned. Nothing is stored: pinning is `addTrustAnchor`, which checks the statement again.
 */
@Injectable()
export class PartnerInspectionService {
  constructor(
    private readonly client: EntityConfigurationClient,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly trust: TrustAnchorService,
  ) {}

  async inspect(baseUrl: string): Promise<PartnerInspection> {
    const command = parseInput(inspectCommand, { baseUrl });
    const url = command.baseUrl.replace(/\/+$/, '');
    const jws = await this.client.fetch(new URL(url).host, url);
    let claimed: string;
    let signedBy: string;
    try {
      const parsed = parseCompactJws<{ iss?: unknown }>(jws, ENTITY_CONFIGURATION_TYP);
      claimed = String(parsed.payload.iss);
      signedBy = String(parsed.header.kid);
    } catch (err) {
      throw refused(new URL(url).host, err);
    }
    if (!this.federation.country(claimed)) throw new UnknownCountryError(`unknown country ${claimed}`, { country: claimed });
    if (claimed === this.config.countryCode) throw new SelfTrustError(`${claimed} is this node`);
    try {
      const verified = await verifyEntityConfiguration(jws, claimed, [signedBy], Math.floor(Date.now() / 1000));
      const anchor = (await this.trust.list()).find((a) => a.country === claimed);
      return {
        country: claimed,
        baseUrl: url,
        rootKeyThumbprints: [...verified.rootKeys.keys()],
        signedBy: verified.signedBy,
        expiresAt: new Date(verified.payload.exp * 1000),
        trustStatus: anchor?.status ?? null,
      };
    } catch (err) {
      throw refused(claimed, err);
    }
  }
}

function refused(country: string, err: unknown): Error {
  if (!(err instanceof JwsVerificationError)) return err as Error;
  return new BadEntityConfigurationError(err.message, { country, reason: err.reason }, { cause: err, extensions: { reason: err.reason } });
}
