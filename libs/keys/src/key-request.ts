import { createHash } from 'node:crypto';
import type { JWK } from 'jose';
import { z } from 'zod';
import {
  ENTITY_CONFIGURATION_TYP,
  HISTORICAL_KEYS_TYP,
  MAX_CERTIFICATE_LIFETIME_SECONDS,
  parseCompactJws,
  signCompact,
  SIGNER_CERTIFICATE_TYP,
  thumbprint,
  toPublicJwk,
  verifySignature,
  type SigningKey,
} from '@ots/jws';
import { describeIssues } from '@ots/config';
import { KeyImportExpiredError, KeyImportMismatchError, KeyImportTamperedError, KeyRequestInvalidError } from './keys.errors.js';

/**
 * The offline root's paperwork (docs/key-requests.md): a node that does not hold its root private key writes a
 * request naming exactly the JWS payload it needs signed; a machine with the root key and no network signs that
 * payload, unchanged, and answers with a response; the node imports the response after checking it against the
 * request and its root public key. Pure functions, no I/O: the CLI reads and writes the files.
 */
export const KEY_REQUEST_FORMAT = 'ots-key-request' as const;
export const KEY_RESPONSE_FORMAT = 'ots-key-response' as const;
export const KEY_REQUEST_KINDS = ['signer', 'encryption', 'entity-configuration', 'revocation'] as const;
export type KeyRequestKind = (typeof KEY_REQUEST_KINDS)[number];

/** A request older than this is not signed: the state it describes (keys, certificates) has likely moved on. */
export const KEY_REQUEST_VALIDITY_SECONDS = 7 * 24 * 3600;
/** Longest entity configuration an offline root signs: long enough to outlast a month between key ceremonies. */
export const MAX_OFFLINE_ENTITY_CONFIGURATION_SECONDS = 45 * 24 * 3600;

const TYP_OF: Record<KeyRequestKind, string> = {
  signer: SIGNER_CERTIFICATE_TYP,
  encryption: SIGNER_CERTIFICATE_TYP,
  'entity-configuration': ENTITY_CONFIGURATION_TYP,
  revocation: HISTORICAL_KEYS_TYP,
};

const requestSchema = z.object({
  format: z.literal(KEY_REQUEST_FORMAT),
  version: z.literal(1),
  requestId: z.string().uuid(),
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(KEY_REQUEST_KINDS),
  /** Thumbprint of the root key that is to sign. */
  rootKid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  createdAt: z.number().int(),
  /** Exactly what the root signs, as the JWS payload; the header is `{typ, kid: rootKid, alg: EdDSA}`. */
  payload: z.record(z.string(), z.unknown()),
});
export type KeyRequest = z.infer<typeof requestSchema>;

const responseSchema = z.object({
  format: z.literal(KEY_RESPONSE_FORMAT),
  version: z.literal(1),
  requestId: z.string().uuid(),
  /** SHA-256 (base64url) of the request file's canonical JSON: the response answers this request and no other. */
  requestSha256: z.string(),
  country: z.string(),
  kind: z.enum(KEY_REQUEST_KINDS),
  signed: z.string(),
});
export type KeyResponse = z.infer<typeof responseSchema>;

const now = (): number => Math.floor(Date.now() / 1000);

/** Canonical JSON (sorted keys) of a request, so that its digest does not depend on how a file was pretty-printed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const requestDigest = (request: KeyRequest): string => createHash('sha256').update(canonical(request)).digest('base64url');

export function parseKeyRequest(raw: unknown): KeyRequest {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) throw new KeyRequestInvalidError(`not a version-1 key request: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export function parseKeyResponse(raw: unknown): KeyResponse {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success) throw new KeyImportTamperedError(`not a version-1 key response: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** What the signing machine insists on before it signs: the payload is the kind of statement the request says. */
function checkPayload(request: KeyRequest, at: number): void {
  const p = request.payload as Record<string, unknown> & { jwk?: JWK; use?: unknown };
  const fail = (why: string) => {
    throw new KeyRequestInvalidError(`${request.kind} request for ${request.country}: ${why}`);
  };
  if (p.iss !== request.country) fail(`iss is ${String(p.iss)}`);
  if (request.kind === 'signer' || request.kind === 'encryption') {
    const encryption = request.kind === 'encryption';
    const jwk = p.jwk;
    if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== (encryption ? 'X25519' : 'Ed25519')) fail('jwk is not the right key type');
    if (Object.keys(toPublicJwk(jwk as JWK)).length !== Object.keys(jwk as JWK).length) fail('jwk holds private members');
    if (JSON.stringify(p.use) !== JSON.stringify(encryption ? ['enc'] : ['doc', 'msg'])) fail(`use is ${JSON.stringify(p.use)}`);
    const nbf = p.nbf as number;
    const exp = p.exp as number;
    if (
      !Number.isInteger(p.iat) ||
      !Number.isInteger(nbf) ||
      !Number.isInteger(exp) ||
      exp <= nbf ||
      exp - nbf > MAX_CERTIFICATE_LIFETIME_SECONDS
    )
      fail('iat is required and nbf/exp must span at most 90 days');
    if (exp <= at) fail('the certificate would already have expired');
  } else if (request.kind === 'entity-configuration') {
    const iat = p.iat as number;
    const exp = p.exp as number;
    if (p.sub !== request.country) fail(`sub is ${String(p.sub)}`);
    if (!Number.isInteger(iat) || !Number.isInteger(exp) || exp <= iat || exp - iat > MAX_OFFLINE_ENTITY_CONFIGURATION_SECONDS)
      fail('iat/exp must span at most 45 days');
  } else if (!Array.isArray(p.keys) || !Number.isInteger(p.iat)) fail('keys and iat are required');
}

/** Node side: a request for the root to sign `payload` as a `kind` statement. */
export function createKeyRequest(input: {
  requestId: string;
  country: string;
  kind: KeyRequestKind;
  rootKid: string;
  payload: Record<string, unknown>;
  createdAt?: number;
}): KeyRequest {
  const request = parseKeyRequest({ format: KEY_REQUEST_FORMAT, version: 1, createdAt: now(), ...input });
  checkPayload(request, request.createdAt);
  return request;
}

/**
 * The offline machine: signs the request's payload with the root key, unchanged. Refuses a request for another
 * root key, an expired one, or a payload that is not what its kind allows.
 */
export async function signKeyRequest(raw: unknown, root: { publicJwk: JWK; key: JWK | SigningKey }, at = now()): Promise<KeyResponse> {
  const request = parseKeyRequest(raw);
  const rootKid = await thumbprint(root.publicJwk);
  if (rootKid !== request.rootKid) throw new KeyImportMismatchError(`the request is for root ${request.rootKid}, this key is ${rootKid}`);
  if (request.createdAt + KEY_REQUEST_VALIDITY_SECONDS <= at || request.createdAt > at + 300)
    throw new KeyImportExpiredError(`request ${request.requestId} was made at ${request.createdAt}: outside its 7 days`);
  checkPayload(request, at);
  const signed = await signCompact(request.payload, { typ: TYP_OF[request.kind], kid: rootKid }, root.key);
  return {
    format: KEY_RESPONSE_FORMAT,
    version: 1,
    requestId: request.requestId,
    requestSha256: requestDigest(request),
    country: request.country,
    kind: request.kind,
    signed,
  };
}

/**
 * The node's check before it installs a response: it answers this request, is signed by this root over exactly the
 * requested payload, and is still valid. Returns the signed statement.
 */
export async function verifyKeyResponse(request: KeyRequest, raw: unknown, rootPublicJwk: JWK, at = now()): Promise<string> {
  const response = parseKeyResponse(raw);
  if (response.requestId !== request.requestId || response.country !== request.country || response.kind !== request.kind)
    throw new KeyImportMismatchError(
      `response ${response.requestId} (${response.country}, ${response.kind}) does not answer request ${request.requestId}`,
    );
  if ((await thumbprint(rootPublicJwk)) !== request.rootKid)
    throw new KeyImportMismatchError(`the request was for root ${request.rootKid}, not this node's root`);
  if (response.requestSha256 !== requestDigest(request))
    throw new KeyImportTamperedError('the response answers a different version of the request');
  let parsed;
  try {
    parsed = parseCompactJws(response.signed, TYP_OF[request.kind]);
    if (parsed.header.kid !== request.rootKid) throw new Error(`signed under kid ${String(parsed.header.kid)}`);
    await verifySignature(parsed, rootPublicJwk);
  } catch (err) {
    throw new KeyImportTamperedError(`the signed statement does not verify under root ${request.rootKid}: ${(err as Error).message}`);
  }
  if (canonical(parsed.payload) !== canonical(request.payload))
    throw new KeyImportTamperedError('the signed payload is not the requested one');
  const exp = (request.payload as { exp?: number }).exp;
  if (typeof exp === 'number' && exp <= at) throw new KeyImportExpiredError(`the signed ${request.kind} expired at ${exp}`);
  return response.signed;
}
