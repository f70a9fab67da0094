import { isCountryCode } from '@ots/config';
import {
  anchorInForce,
  CLOCK_SKEW_SECONDS,
  isRevokedFor,
  JwsVerificationError,
  parseCompactJws,
  verifySignature,
  verifySignerCertificate,
  type TrustView,
} from '@ots/jws';
import { DOC_TYPES, DOCUMENT_TYP, type DocumentPayload } from './document-types.js';

export interface VerifiedDocument {
  payload: DocumentPayload;
  signerKid: string;
  rootKid: string;
}

const SUBJECT = /^[A-Z]{2}:[A-Z0-9]{2,12}:[A-Za-z0-9._-]{1,64}$/;

/**
 * Checks a document the way docs/protocol section 4 orders it, up to and
 * including key revocation; the status list (DOCUMENT_REVOKED) is the
 * caller's, since only it may touch the network. Keys come from `trust`
 * and the document's own trust chain only: `jwk`, `jku`, `x5u` and `x5c`
 * headers are never read. Throws JwsVerificationError with the reason.
 *
 * @example
 * const { payload } = await verifyDocumentChain(jws, trustView, nowSeconds());
 */
export async function verifyDocumentChain(jws: unknown, trust: TrustView, now: number): Promise<VerifiedDocument> {
  const parsed = parseCompactJws<DocumentPayload>(jws, DOCUMENT_TYP);
  const payload = checkPayloadShape(parsed.payload);

  const issuer = trust.issuer(payload.iss);
  if (!issuer || !anchorInForce(issuer, now))
    throw new JwsVerificationError('UNTRUSTED_ISSUER', `no active trust anchor for ${payload.iss}`);

  const chain = parsed.header.trust_chain;
  if (!Array.isArray(chain) || chain.length === 0) throw new JwsVerificationError('BAD_CHAIN', 'trust_chain is missing');
  const certificate = await verifySignerCertificate(chain[0], issuer.rootKeys, payload.iss, payload.iat);
  if (!certificate.payload.use.includes('doc'))
    throw new JwsVerificationError('BAD_CHAIN', 'the signer certificate does not allow documents');

  if (parsed.header.kid !== certificate.payload.sub)
    throw new JwsVerificationError('UNKNOWN_KEY', `kid ${String(parsed.header.kid)} is not the certified key`);
  await verifySignature(parsed, certificate.payload.jwk);

  if (payload.exp + CLOCK_SKEW_SECONDS <= now) throw new JwsVerificationError('EXPIRED', 'the document has expired');
  if (payload.nbf - CLOCK_SKEW_SECONDS > now) throw new JwsVerificationError('NOT_YET_VALID', 'the document is not valid yet');

  for (const kid of [certificate.rootKid, certificate.payload.sub]) {
    if (isRevokedFor(issuer.revokedKeys.get(kid), payload.iat)) throw new JwsVerificationError('KEY_REVOKED', `key ${kid} is revoked`);
  }
  return { payload, signerKid: certificate.payload.sub, rootKid: certificate.rootKid };
}

function checkPayloadShape(p: DocumentPayload): DocumentPayload {
  const problems: string[] = [];
  if (typeof p.iss !== 'string' || !isCountryCode(p.iss)) problems.push('iss');
  if (typeof p.sub !== 'string' || !SUBJECT.test(p.sub)) problems.push('sub');
  if (typeof p.jti !== 'string' || p.jti.length === 0 || p.jti.length > 128) problems.push('jti');
  for (const claim of ['iat', 'nbf', 'exp'] as const) if (!Number.isInteger(p[claim])) problems.push(claim);
  if (!(DOC_TYPES as readonly string[]).includes(p.doc_type)) problems.push('doc_type');
  if (typeof p.lang !== 'string') problems.push('lang');
  if (typeof p.claims !== 'object' || p.claims === null || Array.isArray(p.claims)) problems.push('claims');
  const entry = p.status?.status_list;
  if (!entry || !Number.isInteger(entry.idx) || entry.idx < 0 || typeof entry.uri !== 'string') problems.push('status');
  if (problems.length > 0) throw new JwsVerificationError('MALFORMED', `payload claims missing or invalid: ${problems.join(', ')}`);
  return p;
}
