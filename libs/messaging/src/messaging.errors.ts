import type { z } from 'zod';
import { describeIssues } from '@ots/config';
import { OtsError } from '@ots/errors';
import type { MessageRefusal } from './envelope.js';

/** An incoming message that was refused; `code` names why, and nothing was changed. */
export class MessageRejectedError extends OtsError {
  static override readonly code = 'MESSAGE_REJECTED';
  readonly code: string;

  constructor(refusal: MessageRefusal, message: string, params: Record<string, string | number> = {}) {
    super(message, params);
    this.code = `MESSAGE_${refusal}`;
  }
}

/** The domain refused what a valid message asked for (e.g. a service not open to the sender's citizens). */
export class MessageNotAcceptedError extends OtsError {
  static override readonly code = 'MESSAGE_NOT_ACCEPTED';
  readonly code = MessageNotAcceptedError.code;
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

/** Validates a message body against what its `msg_type` carries; a bad one is refused, not half-processed. */
export function parseMessageBody<T>(schema: z.ZodType<T>, message: { msg_type: string; body: unknown }): T {
  const parsed = schema.safeParse(message.body);
  if (!parsed.success) throw new MessageNotAcceptedError(`bad ${message.msg_type} body`, { reason: describeIssues(parsed.error.issues) });
  return parsed.data;
}
