import { OtsError } from '@ots/errors';

/** This node issued no document with that `jti`. */
export class DocumentNotFoundError extends OtsError {
  static override readonly code = 'DOCUMENT_NOT_FOUND';
  readonly code = DocumentNotFoundError.code;
  override readonly httpStatus = 404;
}

/** The document's status-list entry is already set; revoking is done once. */
export class DocumentAlreadyRevokedError extends OtsError {
  static override readonly code = 'DOCUMENT_ALREADY_REVOKED';
  readonly code = DocumentAlreadyRevokedError.code;
}

/** `verifyDocuments` was given more documents than one request may carry. */
export class BatchTooLargeError extends OtsError {
  static override readonly code = 'BATCH_TOO_LARGE';
  readonly code = BatchTooLargeError.code;
}
