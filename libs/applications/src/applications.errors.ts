import { OtsError } from '@ots/errors';

export class ApplicationNotFoundError extends OtsError {
  static override readonly code = 'APPLICATION_NOT_FOUND';
  readonly code = ApplicationNotFoundError.code;
  override readonly httpStatus = 404;
}

export class IllegalTransitionError extends OtsError {
  static override readonly code = 'ILLEGAL_TRANSITION';
  readonly code = IllegalTransitionError.code;
}

export class FormInvalidError extends OtsError {
  static override readonly code = 'FORM_INVALID';
  readonly code = FormInvalidError.code;
}

export class ServiceNotOpenError extends OtsError {
  static override readonly code = 'SERVICE_NOT_OPEN';
  readonly code = ServiceNotOpenError.code;
}

export class UnknownPersonError extends OtsError {
  static override readonly code = 'UNKNOWN_PERSON';
  readonly code = UnknownPersonError.code;
}

export class NotResidentError extends OtsError {
  static override readonly code = 'NOT_RESIDENT';
  readonly code = NotResidentError.code;
}

export class ConsentInvalidError extends OtsError {
  static override readonly code = 'CONSENT_INVALID';
  readonly code = ConsentInvalidError.code;
}

export class EvidenceRequestNotFoundError extends OtsError {
  static override readonly code = 'EVIDENCE_REQUEST_NOT_FOUND';
  readonly code = EvidenceRequestNotFoundError.code;
  override readonly httpStatus = 404;
}

export class EvidenceRefusedError extends OtsError {
  static override readonly code = 'EVIDENCE_NOT_VERIFIED';
  readonly code = EvidenceRefusedError.code;
}
