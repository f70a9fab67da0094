import { decodeProtectedHeader } from 'jose';
import { unverifiedPayload } from '@ots/jws';
import type { EnvelopePayload, ReceiptPayload } from './message-types.js';

/** An envelope's protected header and claims without its body (docs/protocol section 6): what an admin reads. */
export interface EnvelopeHeader {
  typ: string;
  alg: string;
  kid: string;
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
  msgType: string;
}

/** A receipt's protected header and claims. */
export interface ReceiptClaims {
  typ: string;
  kid: string;
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  msgJti: string;
  msgSha256: string;
}

const header = (compact: string): { typ: string; alg: string; kid: string } => {
  const h = decodeProtectedHeader(compact);
  return { typ: String(h.typ ?? ''), alg: String(h.alg ?? ''), kid: String(h.kid ?? '') };
};

/**
 * The header fields of an envelope this node signed and stored; the body stays out, as it carries the citizen's
 * data. Decoded, not verified: this node wrote it.
 */
export function envelopeHeader(compact: string): EnvelopeHeader {
  const claims = unverifiedPayload<EnvelopePayload>(compact);
  return {
    ...header(compact),
    iss: claims.iss ?? '',
    aud: claims.aud ?? '',
    jti: claims.jti ?? '',
    iat: claims.iat ?? 0,
    exp: claims.exp ?? 0,
    msgType: claims.msg_type ?? '',
  };
}

/** A stored receipt's fields; it was verified when it arrived (or signed here, for the inbox). */
export function receiptClaims(compact: string): ReceiptClaims {
  const { alg: _alg, ...rest } = header(compact);
  const claims = unverifiedPayload<ReceiptPayload>(compact);
  return {
    ...rest,
    iss: claims.iss ?? '',
    aud: claims.aud ?? '',
    jti: claims.jti ?? '',
    iat: claims.iat ?? 0,
    msgJti: claims.msg_jti ?? '',
    msgSha256: claims.msg_sha256 ?? '',
  };
}
