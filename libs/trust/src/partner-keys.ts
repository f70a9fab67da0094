import {
  ENTITY_CONFIGURATION_TYP,
  parseCompactJws,
  SIGNER_CERTIFICATE_TYP,
  type EntityConfigurationPayload,
  type KeyRevocationReason,
  thumbprint,
  type SignerCertificatePayload,
} from '@ots/jws';
import type { KeySource } from './trust-anchor.entity.js';

export const PARTNER_KEY_KINDS = ['root', 'signer', 'encryption'] as const;
export type PartnerKeyKind = (typeof PARTNER_KEY_KINDS)[number];
/**
 * `pinned`, `continuity`: root keys; `announced`: certified in the partner's last accepted entity configuration
 * (signed by a trusted root); `revocation`: known only from a revocation.
 */
export const PARTNER_KEY_SOURCES = ['pinned', 'continuity', 'announced', 'revocation'] as const satisfies readonly (
  Exclude<KeySource, 'signer'> | 'announced' | 'revocation'
)[];
export type PartnerKeySource = (typeof PARTNER_KEY_SOURCES)[number];
/** `expired`: certificate past its end; `retired`: root no longer announced. */
export const PARTNER_KEY_STATUSES = ['active', 'revoked', 'expired', 'retired'] as const;
export type PartnerKeyStatus = (typeof PARTNER_KEY_STATUSES)[number];

/** One key of a partner as this node knows it: what an admin needs to revoke it by thumbprint. */
export interface PartnerKey {
  thumbprint: string;
  kind: PartnerKeyKind;
  source: PartnerKeySource;
  status: PartnerKeyStatus;
  validFrom: Date | null;
  validTo: Date | null;
  revokedAt: Date | null;
  revocationReason: KeyRevocationReason | null;
}

/** What `describePartnerKeys` reads of a stored anchor. */
export interface AnchorKeyRecords {
  entityConfiguration: string;
  keys: {
    thumbprint: string;
    source: KeySource;
    status: 'active' | 'revoked';
    revokedAt: Date | null;
    revocationReason: KeyRevocationReason | null;
  }[];
}

/**
 * Every key this node knows of a partner: its root keys (pinned or accepted by continuity), the signer and
 * encryption keys its accepted entity configuration certifies, and signer keys known only from a revocation.
 * A root no longer announced is `retired`; a certificate past its `exp` is `expired`; a revocation wins over both.
 */
export async function describePartnerKeys(anchor: AnchorKeyRecords, now: Date): Promise<PartnerKey[]> {
  const revocations = new Map(anchor.keys.filter((k) => k.status === 'revoked').map((k) => [k.thumbprint, k]));
  const metadata = await announcedMetadata(anchor.entityConfiguration);
  const revoked = (kid: string) => {
    const revocation = revocations.get(kid);
    return {
      revokedAt: revocation?.revokedAt ?? null,
      revocationReason: revocation?.revocationReason ?? null,
    };
  };
  const roots: PartnerKey[] = anchor.keys
    .filter((k) => k.source !== 'signer')
    .map((k) => ({
      thumbprint: k.thumbprint,
      kind: 'root',
      source: k.source as Exclude<KeySource, 'signer'>,
      status: k.status === 'revoked' ? 'revoked' : metadata.roots.has(k.thumbprint) ? 'active' : 'retired',
      validFrom: null,
      validTo: null,
      ...revoked(k.thumbprint),
    }));
  const certified = [
    ...metadata.signers.map((c) => ({ ...c, kind: 'signer' as const })),
    ...metadata.encryption.map((c) => ({ ...c, kind: 'encryption' as const })),
  ].map((c): PartnerKey => ({
    thumbprint: c.sub,
    kind: c.kind,
    source: 'announced',
    status: revocations.has(c.sub) ? 'revoked' : c.exp * 1000 <= now.getTime() ? 'expired' : 'active',
    validFrom: new Date(c.nbf * 1000),
    validTo: new Date(c.exp * 1000),
    ...revoked(c.sub),
  }));
  const listed = new Set([...roots, ...certified].map((k) => k.thumbprint));
  const revokedOnly: PartnerKey[] = anchor.keys
    .filter((k) => k.source === 'signer' && !listed.has(k.thumbprint))
    .map((k) => ({
      thumbprint: k.thumbprint,
      kind: 'signer',
      source: 'revocation',
      status: 'revoked',
      validFrom: null,
      validTo: null,
      ...revoked(k.thumbprint),
    }));
  return [...roots, ...certified, ...revokedOnly];
}

/** The accepted statement was verified when it was stored; here it is only read. */
async function announcedMetadata(entityConfiguration: string): Promise<{
  roots: Set<string>;
  signers: SignerCertificatePayload[];
  encryption: SignerCertificatePayload[];
}> {
  const { payload } = parseCompactJws<EntityConfigurationPayload>(entityConfiguration, ENTITY_CONFIGURATION_TYP);
  const certificates = (list: unknown): SignerCertificatePayload[] =>
    (Array.isArray(list) ? list : []).flatMap((jws) => {
      try {
        return [parseCompactJws<SignerCertificatePayload>(jws, SIGNER_CERTIFICATE_TYP).payload];
      } catch {
        return [];
      }
    });
  const rootJwks = Array.isArray(payload.jwks?.keys) ? payload.jwks.keys : [];
  return {
    roots: new Set(await Promise.all(rootJwks.map((jwk) => thumbprint(jwk)))),
    signers: certificates(payload.metadata?.ots_node?.signer_certificates),
    encryption: certificates(payload.metadata?.ots_node?.encryption_certificates),
  };
}
