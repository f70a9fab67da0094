import { OtsError } from '@ots/errors';

export class DocumentNotFoundError extends OtsError {
  static override readonly code = 'DOCUMENT_NOT_FOUND';
  readonly code = DocumentNotFoundError.code;
  override readonly httpStatus = 404;
}

export class DocumentAlreadyRevokedError extends OtsError {
  static override readonly code = 'DOCUMENT_ALREADY_REVOKED';
  readonly code = DocumentAlreadyRevokedError.code;
}

export class BatchTooLargeError extends OtsError {
  static override readonly code = 'BATCH_TOO_LARGE';
  readonly code = BatchTooLargeError.code;
}
