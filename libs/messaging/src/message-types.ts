/** PROTOCOL section 6 `msg_type` values. */
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

export const ENVELOPE_TYP = 'ots-msg+jwt';
export const RECEIPT_TYP = 'ots-receipt+jwt';
/** PROTOCOL section 6: `exp` at most 300 s after `iat`. */
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
