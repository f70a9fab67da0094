/**
 * The `msg_type` values of the protocol (docs/protocol/README.md section 7): the one list. The spec's table, the
 * JSON Schemas of the bodies and the start-up check that every type has exactly one handler all come from it.
 */
export const MSG_TYPES = [
  'application.submit',
  'application.status',
  'application.decision',
  'evidence.request',
  'evidence.response',
  'tax.residence-certificate',
  'tax.tin-verification',
] as const;
export type MsgType = (typeof MSG_TYPES)[number];

/**
 * Compares the handled types with the list: a listed type nobody handles would be refused as MESSAGE_UNHANDLED
 * by this node while the spec promises it, and a handled type that is not listed could never arrive (the envelope
 * check refuses unknown types). Both are wiring mistakes that stop start-up.
 *
 * @example
 * handlerCoverage(['application.submit']).missing; // every other type
 */
export function handlerCoverage(handled: Iterable<string>): { missing: MsgType[]; unlisted: string[] } {
  const registered = new Set(handled);
  const listed: ReadonlySet<string> = new Set(MSG_TYPES);
  return {
    missing: MSG_TYPES.filter((type) => !registered.has(type)),
    unlisted: [...registered].filter((type) => !listed.has(type)).sort(),
  };
}

export const ENVELOPE_TYP = 'ots-msg+jwt';
export const RECEIPT_TYP = 'ots-receipt+jwt';
/** docs/protocol/README.md section 6: `exp` at most 300 s after `iat`. */
export const MAX_ENVELOPE_LIFETIME_SECONDS = 300;
/** Largest encrypted message a node accepts (a submission with several documents fits easily). */
export const MAX_MESSAGE_BYTES = 512 * 1024;

export interface EnvelopePayload {
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
  msg_type: MsgType;
  body: Record<string, unknown>;
}

export interface ReceiptPayload {
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  msg_jti: string;
  msg_sha256: string;
}
