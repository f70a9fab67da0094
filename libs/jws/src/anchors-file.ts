import type { JWK } from 'jose';
import { z } from 'zod';
import { countryCodeSchema } from '@ots/config';
import { thumbprint } from './keys.js';
import { KEY_REVOCATION_REASONS, type IssuerTrust, type KeyRevocation, type TrustView } from './trust-view.js';

/**
 * The portable form of a node's trust store (`fedctl trust export`), read
 * back by `fedctl verify --anchors` to verify documents with no node and no
 * network.
 */
export interface AnchorsFile {
  version: 1;
  exportedBy: string;
  exportedAt: string;
  anchors: SerialisedAnchor[];
}

export interface SerialisedAnchor {
  country: string;
  status: IssuerTrust['status'];
  validFrom?: number;
  validTo?: number;
  rootKeys: JWK[];
  revokedKeys: ({ thumbprint: string } & KeyRevocation)[];
}

const anchorsFileSchema = z.object({
  version: z.literal(1),
  exportedBy: z.string(),
  exportedAt: z.string(),
  anchors: z.array(
    z.object({
      country: countryCodeSchema,
      status: z.enum(['active', 'suspended', 'revoked']),
      validFrom: z.number().int().optional(),
      validTo: z.number().int().optional(),
      rootKeys: z.array(z.object({ kty: z.string() }).passthrough()),
      revokedKeys: z.array(z.object({ thumbprint: z.string(), revokedAt: z.number().int(), reason: z.enum(KEY_REVOCATION_REASONS) })),
    }),
  ),
});

export function serialiseAnchor(trust: IssuerTrust): SerialisedAnchor {
  return {
    country: trust.country,
    status: trust.status,
    ...(trust.validFrom !== undefined ? { validFrom: trust.validFrom } : {}),
    ...(trust.validTo !== undefined ? { validTo: trust.validTo } : {}),
    rootKeys: [...trust.rootKeys.values()],
    revokedKeys: [...trust.revokedKeys].map(([t, r]) => ({ thumbprint: t, ...r })),
  };
}

/** Validates an anchors file and builds the trust view it describes; root keys are indexed by their computed thumbprints. */
export async function parseAnchorsFile(raw: unknown): Promise<TrustView> {
  const parsed = anchorsFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new TypeError(`not an anchors file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const issuers = new Map<string, IssuerTrust>();
  for (const anchor of parsed.data.anchors) {
    const rootKeys = new Map<string, JWK>();
    for (const jwk of anchor.rootKeys) rootKeys.set(await thumbprint(jwk as JWK), jwk as JWK);
    issuers.set(anchor.country, {
      country: anchor.country,
      status: anchor.status,
      validFrom: anchor.validFrom,
      validTo: anchor.validTo,
      rootKeys,
      revokedKeys: new Map(anchor.revokedKeys.map(({ thumbprint: t, revokedAt, reason }) => [t, { revokedAt, reason }])),
    });
  }
  return { issuer: (country) => issuers.get(country) };
}
