import type { JWK } from 'jose';
import { parseCompactJws, signCompact, verifySignature } from './compact-jws.js';
import { JwsVerificationError } from './jws.errors.js';
import type { SigningKey } from './signing-key.js';
import { thumbprint, toPublicJwk } from './keys.js';

export const ENTITY_CONFIGURATION_TYP = 'entity-statement+jwt';
/** Allowed clock difference between nodes (docs/protocol section 4). */
export const CLOCK_SKEW_SECONDS = 60;
/**
 * The protocol versions this node speaks, announced as `metadata.ots_node.protocol_versions`
 * (docs/protocol/README.md section 10). A partner that announces none speaks `1.0`.
 */
export const PROTOCOL_VERSIONS = ['1.0'] as const;

export interface OtsNodeMetadata {
  graphql_endpoint: string;
  languages: string[];
  status_list_endpoint: string;
  signer_certificates: string[];
  encryption_certificates: string[];
  /** Optional on the wire (a v1.0 node may omit it, meaning `['1.0']`); this node always sends it. */
  protocol_versions?: string[];
  /** Where the node's key-transparency log is read, and the root's certificates of the key that signs it (v1.1 proposal). */
  transparency?: TransparencyMetadata;
}

/** docs/transparency.md: the log's C2SP origin, its REST endpoints, and the `log` certificates of its signing key. */
export interface TransparencyMetadata {
  origin: string;
  checkpoint_endpoint: string;
  entries_endpoint: string;
  inclusion_proof_endpoint: string;
  consistency_proof_endpoint: string;
  witnessed_endpoint: string;
  log_certificates: string[];
}

/** The C2SP origin line of a country's transparency log (and the name it cosigns other logs under). */
export const transparencyOrigin = (country: string): string => `ots.federation/${country}`;

export interface EntityConfigurationPayload {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  jwks: { keys: JWK[] };
  metadata: { ots_node: OtsNodeMetadata; federation_entity?: { federation_historical_keys_endpoint?: string } };
}

export interface EntityConfigurationInput {
  country: string;
  rootKeys: JWK[];
  metadata: OtsNodeMetadata;
  /** OpenID Federation's own entity metadata (the historical keys endpoint). */
  federationEntity?: { federation_historical_keys_endpoint: string };
  issuedAt: number;
  lifetimeSeconds: number;
}

/** What a node's root signs as its entity configuration; also the payload of an offline root's key request. */
export function entityConfigurationPayload(input: EntityConfigurationInput): EntityConfigurationPayload {
  return {
    iss: input.country,
    sub: input.country,
    iat: input.issuedAt,
    exp: input.issuedAt + input.lifetimeSeconds,
    jwks: { keys: input.rootKeys.map(toPublicJwk) },
    metadata: { ots_node: input.metadata, ...(input.federationEntity ? { federation_entity: input.federationEntity } : {}) },
  };
}

/** Signs a node's entity configuration (OpenID Federation 1.0 style) with one of its root keys. */
export async function signEntityConfiguration(
  input: EntityConfigurationInput & { signingRoot: { kid: string; privateJwk: JWK | SigningKey } },
): Promise<string> {
  const payload = entityConfigurationPayload(input);
  return signCompact({ ...payload }, { typ: ENTITY_CONFIGURATION_TYP, kid: input.signingRoot.kid }, input.signingRoot.privateJwk);
}

export interface VerifiedEntityConfiguration {
  payload: EntityConfigurationPayload;
  /** Thumbprint of the pinned root that signed it. */
  signedBy: string;
  /** Every root key it announces, by thumbprint (key continuity: all are vouched for by `signedBy`). */
  rootKeys: Map<string, JWK>;
}

/**
 * Accepts a partner's entity configuration only when it is signed by a root
 * key whose thumbprint is in `pinnedThumbprints`, names `expectedCountry`,
 * and is within its validity window. The key comes from the statement's own
 * `jwks` but is trusted only because its thumbprint was pinned.
 */
export async function verifyEntityConfiguration(
  jws: unknown,
  expectedCountry: string,
  pinnedThumbprints: readonly string[],
  now: number,
): Promise<VerifiedEntityConfiguration> {
  const parsed = parseCompactJws<EntityConfigurationPayload>(jws, ENTITY_CONFIGURATION_TYP);
  const p = parsed.payload;
  if (p.iss !== expectedCountry || p.sub !== expectedCountry) {
    throw new JwsVerificationError('UNTRUSTED_ISSUER', `entity configuration is for ${String(p.iss)}, expected ${expectedCountry}`);
  }
  if (!Array.isArray(p.jwks?.keys) || typeof p.metadata?.ots_node !== 'object') {
    throw new JwsVerificationError('MALFORMED', 'entity configuration lacks jwks or metadata.ots_node');
  }
  const rootKeys = new Map<string, JWK>();
  for (const key of p.jwks.keys) {
    if (typeof key === 'object' && key && key.kty === 'OKP' && key.crv === 'Ed25519') rootKeys.set(await thumbprint(key), toPublicJwk(key));
  }
  const signedBy = parsed.header.kid;
  if (typeof signedBy !== 'string' || !pinnedThumbprints.includes(signedBy)) {
    throw new JwsVerificationError(
      'UNKNOWN_KEY',
      `entity configuration is signed by ${String(signedBy)}, which is not a pinned root thumbprint`,
    );
  }
  const signingKey = rootKeys.get(signedBy);
  if (!signingKey) throw new JwsVerificationError('UNKNOWN_KEY', 'the signing root key is not among the announced root keys');
  await verifySignature(parsed, signingKey);
  if (!Number.isInteger(p.exp) || p.exp + CLOCK_SKEW_SECONDS <= now)
    throw new JwsVerificationError('EXPIRED', 'entity configuration has expired');
  if (!Number.isInteger(p.iat) || p.iat - CLOCK_SKEW_SECONDS > now)
    throw new JwsVerificationError('NOT_YET_VALID', 'entity configuration is issued in the future');
  return { payload: p, signedBy, rootKeys };
}
