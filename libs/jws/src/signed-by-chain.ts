import { parseCompactJws, type ParsedJws } from './compact-jws.js';
import { JwsVerificationError } from './jws.errors.js';
import { verifySignerCertificate, type CertifiedUse } from './signer-certificate.js';
import { verifySignature } from './compact-jws.js';
import { isRevokedFor, type IssuerTrust } from './trust-view.js';

/**
 * Verifies a JWS that a partner's signer key made (status lists, registry
 * snapshots, receipts, message envelopes): its `trust_chain` certificate
 * must come from one of the issuer's trusted roots, its `kid` must be the
 * certified key, and neither key may be revoked for its `iat`.
 */
export async function verifySignedByChain<P extends { iat?: number }>(
  jws: unknown,
  typ: string,
  issuer: IssuerTrust,
  use: CertifiedUse,
  options: { maxBytes?: number } = {},
): Promise<ParsedJws<P>> {
  const parsed = parseCompactJws<P>(jws, typ, options.maxBytes);
  const chain = parsed.header.trust_chain;
  if (!Array.isArray(chain) || chain.length === 0) throw new JwsVerificationError('BAD_CHAIN', 'trust_chain is missing');
  const iat = parsed.payload.iat;
  if (!Number.isInteger(iat)) throw new JwsVerificationError('MALFORMED', 'iat is missing');
  const certificate = await verifySignerCertificate(chain[0], issuer.rootKeys, issuer.country, iat as number);
  if (!certificate.payload.use.includes(use)) throw new JwsVerificationError('BAD_CHAIN', `the signer certificate does not allow ${use}`);
  if (parsed.header.kid !== certificate.payload.sub) throw new JwsVerificationError('UNKNOWN_KEY', 'kid is not the certified key');
  await verifySignature(parsed, certificate.payload.jwk);
  for (const kid of [certificate.rootKid, certificate.payload.sub]) {
    if (isRevokedFor(issuer.revokedKeys.get(kid), iat as number)) throw new JwsVerificationError('KEY_REVOKED', `key ${kid} is revoked`);
  }
  return parsed;
}
