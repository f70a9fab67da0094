/**
 * Why a recipient refuses a message, and the code each refusal travels under (docs/protocol-notes.md). The
 * recipient throws them, the sender reads them back from the partner's answer: both sides use this table.
 */
export const REFUSAL_CODES = {
  UNDECRYPTABLE: 'MESSAGE_UNDECRYPTABLE',
  TOO_LARGE: 'MESSAGE_TOO_LARGE',
  UNTRUSTED: 'MESSAGE_UNTRUSTED',
  WRONG_AUDIENCE: 'MESSAGE_WRONG_AUDIENCE',
  EXPIRED: 'MESSAGE_EXPIRED',
  MALFORMED: 'MESSAGE_MALFORMED',
  /** A valid message of a `msg_type` the recipient has no handler for. */
  UNHANDLED: 'MESSAGE_UNHANDLED',
  /** The envelope was fine, the domain refused what it asked for. */
  NOT_ACCEPTED: 'MESSAGE_NOT_ACCEPTED',
  /** The envelope was fine, but the recipient cannot process it now (its registers did not answer): send it again later. */
  DEFERRED: 'MESSAGE_DEFERRED',
} as const;

export type MessageRefusal = keyof typeof REFUSAL_CODES;
export type MessageRefusalCode = (typeof REFUSAL_CODES)[MessageRefusal];

const CODES: ReadonlySet<string> = new Set(Object.values(REFUSAL_CODES));

export const isMessageRefusalCode = (code: unknown): code is MessageRefusalCode => typeof code === 'string' && CODES.has(code);

/** Refusals no retry can change: the sender parks the message as dead at once. */
export const PERMANENT_REFUSALS: ReadonlySet<MessageRefusalCode> = new Set<MessageRefusalCode>([
  REFUSAL_CODES.NOT_ACCEPTED,
  REFUSAL_CODES.MALFORMED,
  REFUSAL_CODES.TOO_LARGE,
  REFUSAL_CODES.WRONG_AUDIENCE,
  REFUSAL_CODES.UNHANDLED,
]);
