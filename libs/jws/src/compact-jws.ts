import type { JWK } from 'jose';
import { JwsVerificationError } from './jws.errors.js';
import { keyIdOf } from './key-objects.js';
import { checkSignatureHere, SignaturePool } from './signature-pool.js';
import { algorithmOf, SIGNING_ALGORITHMS } from './keys.js';
import { asSigningKey, type SigningKey } from './signing-key.js';

/** Largest JWS a verifier parses at all (docs/protocol section 4: over 64 KiB is MALFORMED). */
export const MAX_JWS_BYTES = 64 * 1024;

export interface JwsHeader {
  alg: string;
  kid?: string;
  typ?: string;
  crit?: string[];
  trust_chain?: string[];
  [member: string]: unknown;
}

export interface ParsedJws<P = Record<string, unknown>> {
  header: JwsHeader;
  payload: P;
  compact: string;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const textDecoder = new TextDecoder('utf-8', { fatal: true });

const BASE64URL_VALUE = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].map((c, i) => [c, i]));

/**
 * Decodes base64url and insists on the one canonical spelling: otherwise a
 * changed last character (whose low bits decoders drop) would leave the
 * bytes, and so the signature, intact. Checking those dropped bits is
 * cheaper than encoding the bytes again.
 */
function decodeCanonical(part: string, what: string): Buffer {
  const tail = part.length % 4;
  const last = BASE64URL_VALUE.get(part.at(-1) ?? 'A') ?? 0;
  const unusedBits = tail === 2 ? last & 0x0f : tail === 3 ? last & 0x03 : 0;
  if (!BASE64URL.test(part) || tail === 1 || unusedBits !== 0)
    throw new JwsVerificationError('MALFORMED', `${what} is not canonical base64url`);
  return Buffer.from(part, 'base64url');
}

function decodeJsonPart(part: string, what: string): Record<string, unknown> {
  const bytes = decodeCanonical(part, what);
  let value: unknown;
  try {
    value = JSON.parse(textDecoder.decode(bytes));
  } catch {
    throw new JwsVerificationError('MALFORMED', `${what} is not UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwsVerificationError('MALFORMED', `${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/**
 * Splits and decodes a compact JWS and checks what can be checked without a
 * key, in the order of docs/protocol section 4: size and shape (MALFORMED), `alg`
 * (EdDSA/ES256 only, so `none` and HS* are UNSUPPORTED_ALG), `typ` and
 * `crit` (BAD_TYPE). Throws JwsVerificationError with the protocol reason.
 *
 * @example
 * const { header, payload } = parseCompactJws(jws, 'ots-doc+jwt');
 */
export function parseCompactJws<P = Record<string, unknown>>(
  compact: unknown,
  expectedTyp: string,
  maxBytes = MAX_JWS_BYTES,
): ParsedJws<P> {
  if (typeof compact !== 'string') throw new JwsVerificationError('MALFORMED', 'not a string');
  if (compact.length > maxBytes || Buffer.byteLength(compact, 'utf8') > maxBytes)
    throw new JwsVerificationError('MALFORMED', `larger than ${maxBytes} bytes`);
  const parts = compact.split('.');
  if (parts.length !== 3) throw new JwsVerificationError('MALFORMED', `${parts.length} dot-separated parts, expected 3`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJsonPart(headerPart, 'header') as JwsHeader;
  if (typeof header.alg !== 'string' || !(SIGNING_ALGORITHMS as readonly string[]).includes(header.alg)) {
    throw new JwsVerificationError('UNSUPPORTED_ALG', `alg ${JSON.stringify(header.alg)} is not EdDSA or ES256`);
  }
  if (header.crit !== undefined) {
    // No extension is understood, so any `crit` (b64:false included) makes the JWS unusable (RFC 7515 section 4.1.11).
    throw new JwsVerificationError('BAD_TYPE', `crit ${JSON.stringify(header.crit)} names extensions this verifier does not understand`);
  }
  if (header.b64 !== undefined) throw new JwsVerificationError('BAD_TYPE', 'b64 header without crit');
  if (header.typ !== expectedTyp) throw new JwsVerificationError('BAD_TYPE', `typ ${JSON.stringify(header.typ)}, expected ${expectedTyp}`);
  const payload = decodeJsonPart(payloadPart, 'payload') as P;
  if (decodeCanonical(signaturePart, 'signature').length === 0) throw new JwsVerificationError('MALFORMED', 'signature is empty');
  return { header, payload, compact };
}

const signatures = new SignaturePool();

/**
 * Verifies the signature of an already parsed JWS with a key chosen by the
 * caller (never by the JWS), on the signature workers: a batch of documents
 * keeps every core busy while the event loop parses the next ones
 * (docs/benchmarks.md). A signature the workers could not check is checked
 * here again, so a failing worker never turns into a verdict.
 */
export async function verifySignature(parsed: ParsedJws<unknown>, jwk: JWK): Promise<void> {
  const alg = algorithmOf(jwk);
  if (alg !== parsed.header.alg)
    throw new JwsVerificationError('BAD_SIGNATURE', `alg ${parsed.header.alg} does not fit key ${jwk.kid ?? ''}`);
  const cut = parsed.compact.lastIndexOf('.');
  if (alg === 'ES256' && Buffer.from(parsed.compact.slice(cut + 1), 'base64url').length !== 64)
    throw new JwsVerificationError('BAD_SIGNATURE', 'an ES256 signature is 64 bytes');
  const job = {
    compact: parsed.compact,
    alg,
    keyId: keyIdOf(jwk),
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y ? { y: jwk.y } : {}) },
  };
  const outcome = await signatures.check(job);
  if ((outcome === 'error' ? checkSignatureHere(job) : outcome) !== 'valid')
    throw new JwsVerificationError('BAD_SIGNATURE', 'signature does not verify');
}

/**
 * Signs `payload` as a compact JWS with the given protected header (`alg`
 * taken from the key). The one place a node builds a JWS signing input:
 * the key (a JWK here, or a token's key through SigningKey) only signs the
 * bytes. Synchronous on purpose: an Ed25519 signature takes tens of
 * microseconds in software (about 140 in SoftHSM2), less than a hop to the
 * thread pool, and issuers sign inside database transactions that should
 * stay short.
 */
export async function signCompact(
  payload: Record<string, unknown>,
  header: { typ: string; kid: string; [member: string]: unknown },
  key: JWK | SigningKey,
): Promise<string> {
  const signer = asSigningKey(key);
  const input = `${Buffer.from(JSON.stringify({ ...header, alg: signer.alg })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${signer.sign(Buffer.from(input)).toString('base64url')}`;
}
