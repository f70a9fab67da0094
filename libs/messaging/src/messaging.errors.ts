import type { z } from 'zod';
import { describeIssues } from '@ots/config';
import { OtsError } from '@ots/errors';
import { PERMANENT_REFUSALS, REFUSAL_CODES, type MessageRefusal, type MessageRefusalCode } from './refusals.js';

/** An incoming message that was refused; its `code` names why (one class per refusal), and nothing was changed. */
export abstract class MessageRejectedError extends OtsError {
  abstract readonly refusal: Exclude<MessageRefusal, 'NOT_ACCEPTED' | 'DEFERRED'>;
}

/** The message does not decrypt with any of this node's encryption keys, or is not a compact JWE. */
export class MessageUndecryptableError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.UNDECRYPTABLE;
  readonly code = MessageUndecryptableError.code;
  readonly refusal = 'UNDECRYPTABLE';
}

/** The message is larger than a node accepts. */
export class MessageTooLargeError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.TOO_LARGE;
  readonly code = MessageTooLargeError.code;
  readonly refusal = 'TOO_LARGE';
}

/** The envelope is not signed by a trusted, unrevoked key of its sender, or the sender has no active anchor. */
export class MessageUntrustedError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.UNTRUSTED;
  readonly code = MessageUntrustedError.code;
  readonly refusal = 'UNTRUSTED';
}

/** The envelope's `aud` is another node. */
export class MessageWrongAudienceError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.WRONG_AUDIENCE;
  readonly code = MessageWrongAudienceError.code;
  readonly refusal = 'WRONG_AUDIENCE';
}

/** The envelope is outside its time window (`iat` to `exp`, at most 300 s, with 60 s skew). */
export class MessageExpiredError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.EXPIRED;
  readonly code = MessageExpiredError.code;
  readonly refusal = 'EXPIRED';
}

/** The message is not a federation envelope (no `jti`, an unknown `msg_type`, no body, not JSON). */
export class MessageMalformedError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.MALFORMED;
  readonly code = MessageMalformedError.code;
  readonly refusal = 'MALFORMED';
}

/** A valid envelope of a `msg_type` this node has no handler for: refused, never receipted and dropped. */
export class MessageUnhandledError extends MessageRejectedError {
  static override readonly code = REFUSAL_CODES.UNHANDLED;
  readonly code = MessageUnhandledError.code;
  readonly refusal = 'UNHANDLED';
}

const REJECTIONS: Record<
  MessageRejectedError['refusal'],
  new (message: string, params?: Record<string, string | number>) => MessageRejectedError
> = {
  UNDECRYPTABLE: MessageUndecryptableError,
  TOO_LARGE: MessageTooLargeError,
  UNTRUSTED: MessageUntrustedError,
  WRONG_AUDIENCE: MessageWrongAudienceError,
  EXPIRED: MessageExpiredError,
  MALFORMED: MessageMalformedError,
  UNHANDLED: MessageUnhandledError,
};

/** The error a refusal travels as. */
export const messageRejected = (
  refusal: MessageRejectedError['refusal'],
  message: string,
  params: Record<string, string | number> = {},
): MessageRejectedError => new REJECTIONS[refusal](message, params);

/** The domain refused what a valid message asked for (e.g. a service not open to the sender's citizens). */
export class MessageNotAcceptedError extends OtsError {
  static override readonly code = REFUSAL_CODES.NOT_ACCEPTED;
  readonly code = MessageNotAcceptedError.code;
}

/**
 * The recipient cannot process a valid message now (e.g. its registers are unavailable); `reason` names why. Nothing
 * was changed and no receipt given: the sender keeps the message and sends it again with backoff.
 */
export class MessageDeferredError extends OtsError {
  static override readonly code = REFUSAL_CODES.DEFERRED;
  readonly code = MessageDeferredError.code;
  override readonly httpStatus = 503;
}

/** Two handlers for one `msg_type`: a wiring mistake, found at start-up. */
export class MessageHandlerConflictError extends OtsError {
  static override readonly code = 'MESSAGE_HANDLER_CONFLICT';
  readonly code = MessageHandlerConflictError.code;
  override readonly httpStatus = 500;
}

/** A listed `msg_type` has no handler, or a handler takes a type the protocol does not list: found at start-up. */
export class MessageHandlersIncompleteError extends OtsError {
  static override readonly code = 'MESSAGE_HANDLERS_INCOMPLETE';
  readonly code = MessageHandlersIncompleteError.code;
  override readonly httpStatus = 500;
}

/** No undelivered outgoing message with that id (delivered ones cannot be retried). */
export class OutboxMessageNotFoundError extends OtsError {
  static override readonly code = 'OUTBOX_MESSAGE_NOT_FOUND';
  readonly code = OutboxMessageNotFoundError.code;
  override readonly httpStatus = 404;
}

/** The partner has no active trust anchor or no accepted entity configuration, so nothing can be sent to it. */
export class PartnerNotTrustedError extends OtsError {
  static override readonly code = 'PARTNER_NOT_TRUSTED';
  readonly code = PartnerNotTrustedError.code;
}

// Why a send failed. They are written to the message's `last_error` as `CODE: detail`, never shown to a caller.

/** The partner refused the message with one of the protocol's refusal codes, named by `refusal`. */
export class PartnerRefusedMessageError extends OtsError {
  static override readonly code = 'PARTNER_REFUSED_MESSAGE';
  readonly code = PartnerRefusedMessageError.code;
  /** When true, sending it again cannot change the answer. */
  readonly permanent: boolean;

  /**
   * @param message the partner's words, in the federation's working language
   * @param reason the partner domain's own code for a `MESSAGE_NOT_ACCEPTED` (e.g. `SERVICE_NOT_OPEN`)
   */
  constructor(
    readonly refusal: MessageRefusalCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message, { refusal });
    this.permanent = PERMANENT_REFUSALS.has(refusal);
  }
}

/** The partner answered with neither a receipt nor a refusal (an HTTP error, a busy node, something else). */
export class PartnerAnswerError extends OtsError {
  static override readonly code = 'PARTNER_BAD_ANSWER';
  readonly code = PartnerAnswerError.code;
}

/** The partner's receipt did not verify, or was not for this message. */
export class BadReceiptError extends OtsError {
  static override readonly code = 'BAD_RECEIPT';
  readonly code = BadReceiptError.code;
}

/** A send failed on this node's side for a reason with no code of its own. */
export class SendFailedError extends OtsError {
  static override readonly code = 'SEND_FAILED';
  readonly code = SendFailedError.code;
}

/** Validates a message body against what its `msg_type` carries; a bad one is refused, not half-processed. */
export function parseMessageBody<T>(schema: z.ZodType<T>, message: { msg_type: string; body: unknown }): T {
  const parsed = schema.safeParse(message.body);
  if (!parsed.success) throw new MessageNotAcceptedError(`bad ${message.msg_type} body`, { reason: describeIssues(parsed.error.issues) });
  return parsed.data;
}
