import { OtsError } from '@ots/errors';

/** No case with that id that the caller may see (citizens see only their own). */
export class ApplicationNotFoundError extends OtsError {
  static override readonly code = 'APPLICATION_NOT_FOUND';
  readonly code = ApplicationNotFoundError.code;
  override readonly httpStatus = 404;
}

/** The case's current status does not allow this step (e.g. deciding a withdrawn case). */
export class IllegalTransitionError extends OtsError {
  static override readonly code = 'ILLEGAL_TRANSITION';
  readonly code = IllegalTransitionError.code;
}

/** The application form does not fit the service's form fields; `detail` names the field. */
export class FormInvalidError extends OtsError {
  static override readonly code = 'FORM_INVALID';
  readonly code = FormInvalidError.code;
}

/** The destination's service is not open, through the federation, to citizens of the applicant's country. */
export class ServiceNotOpenError extends OtsError {
  static override readonly code = 'SERVICE_NOT_OPEN';
  readonly code = ServiceNotOpenError.code;
}

/** The country's registers know no person with that id. */
export class UnknownPersonError extends OtsError {
  static override readonly code = 'UNKNOWN_PERSON';
  readonly code = UnknownPersonError.code;
}

/** The taxpayer is not resident for the tax year asked, so no certificate can be issued. */
export class NotResidentError extends OtsError {
  static override readonly code = 'NOT_RESIDENT';
  readonly code = NotResidentError.code;
}

/** The consent names evidence that the home node cannot issue for this person. */
export class ConsentInvalidError extends OtsError {
  static override readonly code = 'CONSENT_INVALID';
  readonly code = ConsentInvalidError.code;
}

/** No pending evidence request with that id for the caller. */
export class EvidenceRequestNotFoundError extends OtsError {
  static override readonly code = 'EVIDENCE_REQUEST_NOT_FOUND';
  readonly code = EvidenceRequestNotFoundError.code;
  override readonly httpStatus = 404;
}

/** An attached evidence document did not verify; the PROTOCOL reason is in the parameters. */
export class EvidenceRefusedError extends OtsError {
  static override readonly code = 'EVIDENCE_NOT_VERIFIED';
  readonly code = EvidenceRefusedError.code;
}
