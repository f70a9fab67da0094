import { OtsError } from '@ots/errors';

/** A caller without a verified token spent its budget for this kind of request; `seconds` says when to retry. */
export class RateLimitedError extends OtsError {
  static override readonly code = 'RATE_LIMITED';
  readonly code = RateLimitedError.code;
  override readonly httpStatus = 429;
}
