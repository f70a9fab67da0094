import type { JWK } from 'jose';
import { parseCompactJws, signCompact, verifySignature } from './compact-jws.js';
import { JwsVerificationError } from './jws.errors.js';
import type { SigningKey } from './signing-key.js';
import { algorithmOf, thumbprint, toPublicJwk } from './keys.js';

export const SIGNER_CERTIFICATE_TYP = 'ots-signer+jwt';
/** docs/protocol section 1: `exp - nbf` of a signer certificate is at most 90 days. */
export const MAX_CERTIFICATE_LIFETIME_SECONDS = 90 * 24 * 3600;

/** `log`: the key that signs the node's transparency log entries and checkpoints (docs/transparency.md). */
export type CertifiedUse = 'doc' | 'msg' | 'enc' | 'log';

export interface SignerCertificatePayload {
  iss: string;
  sub: string;
  jwk: JWK;
  iat: number;
  nbf: number;
  exp: number;
  use: CertifiedUse[];
}

/**
 * A root key vouches for a signer (or encryption) key: the certificate
 * travels in every document's `trust_chain`, so a verifier holding only the
 * pinned root thumbprints can check the document offline.
 */
export async function issueSignerCertificate(input: {
  issuer: string;
  /** The root's private key: a JWK, or a SigningKey when it stays in a token. */
  rootPrivateJwk: JWK | SigningKey;
  rootKid: string;
  subjectPublicJwk: JWK;
  use: CertifiedUse[];
  notBefore: number;
  lifetimeSeconds: number;
}): Promise<string> {
  if (input.lifetimeSeconds <= 0 || input.lifetimeSeconds > MAX_CERTIFICATE_LIFETIME_SECONDS) {
    throw new RangeError(`certificate lifetime must be 1..${MAX_CERTIFICATE_LIFETIME_SECONDS} s`);
  }
  const jwk = toPublicJwk(input.subjectPublicJwk);
  const payload: SignerCertificatePayload = {
    iss: input.issuer,
    sub: await thumbprint(jwk),
    jwk,
    iat: input.notBefore,
    nbf: input.notBefore,
    exp: input.notBefore + input.lifetimeSeconds,
    use: input.use,
  };
  return signCompact({ ...payload }, { typ: SIGNER_CERTIFICATE_TYP, kid: input.rootKid }, input.rootPrivateJwk);
}

/**
 * Checks a signer certificate against root keys the caller trusts (a map
 * from thumbprint to public JWK), for issuer `expectedIssuer`, valid at
 * `atTime` (the document's `iat`). Every failure is BAD_CHAIN.
 */
export async function verifySignerCertificate(
  certificate: unknown,
  trustedRoots: ReadonlyMap<string, JWK>,
  expectedIssuer: string,
  atTime: number,
): Promise<{ payload: SignerCertificatePayload; rootKid: string }> {
  const { payload: p, rootKid } = await checkedCertificate(certificate, trustedRoots);
  if (p.iss !== expectedIssuer)
    throw new JwsVerificationError('BAD_CHAIN', `signer certificate issued by ${String(p.iss)}, not ${expectedIssuer}`);
  if (atTime < p.nbf || atTime >= p.exp)
    throw new JwsVerificationError('BAD_CHAIN', 'signer certificate was not valid when the JWS was issued');
  return { payload: p, rootKid };
}

interface CheckedCertificate {
  payload: SignerCertificatePayload;
  rootKid: string;
  /** The root key that verified it: a cache hit counts only while the same key is trusted under that kid. */
  rootX: string;
}

const checked = new Map<string, CheckedCertificate>();
const MAX_CACHED_CERTIFICATES = 10_000;

/**
 * Parses a certificate and verifies its signature against one of the
 * trusted roots, once per certificate: every document of a signer carries
 * the same certificate, so its signature is checked on first sight and then
 * remembered by its exact bytes (the claims are re-checked on each use).
 */
async function checkedCertificate(certificate: unknown, trustedRoots: ReadonlyMap<string, JWK>): Promise<CheckedCertificate> {
  const hit = typeof certificate === 'string' ? checked.get(certificate) : undefined;
  if (hit && trustedRoots.get(hit.rootKid)?.x === hit.rootX) return hit;
  let parsed;
  try {
    parsed = parseCompactJws<SignerCertificatePayload>(certificate, SIGNER_CERTIFICATE_TYP);
  } catch (err) {
    throw new JwsVerificationError('BAD_CHAIN', `signer certificate: ${(err as Error).message}`, { cause: err });
  }
  const rootKid = parsed.header.kid;
  const root = typeof rootKid === 'string' ? trustedRoots.get(rootKid) : undefined;
  if (!root || !rootKid) throw new JwsVerificationError('BAD_CHAIN', 'signer certificate is not signed by a pinned root key');
  try {
    await verifySignature(parsed, root);
  } catch (err) {
    throw new JwsVerificationError('BAD_CHAIN', 'signer certificate signature does not verify', { cause: err });
  }
  const p = parsed.payload;
  if (![p.iat, p.nbf, p.exp].every(Number.isInteger) || p.exp - p.nbf > MAX_CERTIFICATE_LIFETIME_SECONDS || p.exp <= p.nbf) {
    throw new JwsVerificationError('BAD_CHAIN', 'signer certificate validity is missing or longer than 90 days');
  }
  if (typeof p.jwk !== 'object' || p.jwk === null || (!algorithmOf(p.jwk) && p.jwk.crv !== 'X25519')) {
    throw new JwsVerificationError('BAD_CHAIN', 'signer certificate carries no usable key');
  }
  if ((await thumbprint(p.jwk)) !== p.sub)
    throw new JwsVerificationError('BAD_CHAIN', 'signer certificate sub is not the thumbprint of its key');
  if (!Array.isArray(p.use)) throw new JwsVerificationError('BAD_CHAIN', 'signer certificate has no use');
  const result = { payload: p, rootKid, rootX: String(root.x) };
  if (checked.size >= MAX_CACHED_CERTIFICATES) checked.clear();
  checked.set(certificate as string, result);
  return result;
}
