import { OtsError } from '@ots/errors';

/** The service code is not in this node's catalog. */
export class ServiceNotFoundError extends OtsError {
  static override readonly code = 'SERVICE_NOT_FOUND';
  readonly code = ServiceNotFoundError.code;
  override readonly httpStatus = 404;
}

/** A service with that code is already in the catalog; edit it instead. */
export class ServiceExistsError extends OtsError {
  static override readonly code = 'SERVICE_EXISTS';
  readonly code = ServiceExistsError.code;
}

/** A service definition breaks the catalog schema (a missing language, a bad code, an unknown category). */
export class InvalidServiceError extends OtsError {
  static override readonly code = 'INVALID_SERVICE';
  readonly code = InvalidServiceError.code;
}
