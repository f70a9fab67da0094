import type { JWK } from 'jose';

/** docs/protocol section 3: why a key was revoked; `compromised` voids everything it ever signed. */
export const KEY_REVOCATION_REASONS = ['compromised', 'superseded'] as const;
export type KeyRevocationReason = (typeof KEY_REVOCATION_REASONS)[number];

export interface KeyRevocation {
  /** Seconds since the epoch. */
  revokedAt: number;
  reason: KeyRevocationReason;
}

/** What a verifier knows about one issuing country: from the trust store, or an exported anchors file. */
export interface IssuerTrust {
  country: string;
  status: 'active' | 'suspended' | 'revoked';
  /** Seconds since the epoch; the anchor is not in force outside [validFrom, validTo). */
  validFrom?: number;
  validTo?: number;
  /** Every root key known for the country, by thumbprint, revoked ones included (their revocation decides). */
  rootKeys: ReadonlyMap<string, JWK>;
  /** Revoked keys (root or signer), by thumbprint. */
  revokedKeys: ReadonlyMap<string, KeyRevocation>;
  /** Where the issuer's status lists live (from its entity configuration); documents may not point elsewhere. */
  statusListEndpoint?: string;
}

export interface TrustView {
  issuer(country: string): IssuerTrust | undefined;
}

/**
 * docs/protocol section 3: a key revoked as `compromised` taints everything it
 * ever signed; one revoked as `superseded` keeps what it signed before the
 * revocation.
 */
export function isRevokedFor(revocation: KeyRevocation | undefined, issuedAt: number): boolean {
  if (!revocation) return false;
  return revocation.reason === 'compromised' || issuedAt >= revocation.revokedAt;
}

/** Whether the anchor is in force at `now` (seconds). */
export function anchorInForce(trust: IssuerTrust, now: number): boolean {
  return (
    trust.status === 'active' &&
    (trust.validFrom === undefined || now >= trust.validFrom) &&
    (trust.validTo === undefined || now < trust.validTo)
  );
}
