import { OtsError } from '@ots/errors';

/** A `/transparency/*` request named entries or tree sizes the log does not have, or a parameter that is not a whole number. */
export class TransparencyRangeError extends OtsError {
  static override readonly code = 'TRANSPARENCY_BAD_RANGE';
  readonly code = TransparencyRangeError.code;
}

/** A partner's transparency log forked or was rewritten; its new root keys are refused until an admin clears the alarm. */
export class TransparencyAlarmOpenError extends OtsError {
  static override readonly code = 'TRANSPARENCY_ALARM_OPEN';
  readonly code = TransparencyAlarmOpenError.code;
}

/** The alarm named does not exist or was cleared already. */
export class TransparencyAlarmNotFoundError extends OtsError {
  static override readonly code = 'TRANSPARENCY_ALARM_NOT_FOUND';
  readonly code = TransparencyAlarmNotFoundError.code;
  override readonly httpStatus = 404;
}
