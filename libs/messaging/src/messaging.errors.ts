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

export class OutboxMessageNotFoundError extends OtsError {
  static override readonly code = 'OUTBOX_MESSAGE_NOT_FOUND';
  readonly code = OutboxMessageNotFoundError.code;
  override readonly httpStatus = 404;
}

export class PartnerNotReachableError extends OtsError {
  static override readonly code = 'PARTNER_NOT_TRUSTED';
  readonly code = PartnerNotReachableError.code;
}
