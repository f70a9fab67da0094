import type { z } from 'zod';
import { describeIssues } from '@ots/config';
import { OtsError } from '@ots/errors';
import { PERMANENT_REFUSALS, REFUSAL_CODES, type MessageRefusal, type MessageRefusalCode } from './refusals.js';

/** An incoming message that was refused; `code` names why, and nothing was changed. */
export class MessageRejectedError extends OtsError {
  static override readonly code = 'MESSAGE_REJECTED';
  readonly code: MessageRefusalCode;

  constructor(
    readonly refusal: Exclude<MessageRefusal, 'NOT_ACCEPTED'>,
    message: string,
    params: Record<string, string | number> = {},
  ) {
    super(message, params);
    this.code = REFUSAL_CODES[refusal];
  }
}

/** The domain refused what a valid message asked for (e.g. a service not open to the sender's citizens). */
export class MessageNotAcceptedError extends OtsError {
  static override readonly code = REFUSAL_CODES.NOT_ACCEPTED;
  readonly code = MessageNotAcceptedError.code;
}

/** Two handlers for one `msg_type`: a wiring mistake, found at start-up. */
export class MessageHandlerConflictError extends OtsError {
  static override readonly code = 'MESSAGE_HANDLER_CONFLICT';
  readonly code = MessageHandlerConflictError.code;
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

/** The partner refused the message with one of the protocol's refusal codes. */
export class PartnerRefusedMessageError extends OtsError {
  static override readonly code = 'PARTNER_REFUSED_MESSAGE';
  /** When true, sending it again cannot change the answer. */
  readonly permanent: boolean;

  constructor(
    readonly code: MessageRefusalCode,
    message: string,
  ) {
    super(message);
    this.permanent = PERMANENT_REFUSALS.has(code);
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
