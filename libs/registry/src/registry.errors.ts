import { OtsError } from '@ots/errors';

export class ServiceNotFoundError extends OtsError {
  static override readonly code = 'SERVICE_NOT_FOUND';
  readonly code = ServiceNotFoundError.code;
  override readonly httpStatus = 404;
}

export class ServiceExistsError extends OtsError {
  static override readonly code = 'SERVICE_EXISTS';
  readonly code = ServiceExistsError.code;
}

export class InvalidServiceError extends OtsError {
  static override readonly code = 'INVALID_SERVICE';
  readonly code = InvalidServiceError.code;
}

export class PageTooLargeError extends OtsError {
  static override readonly code = 'PAGE_TOO_LARGE';
  readonly code = PageTooLargeError.code;
}

export class BadCursorError extends OtsError {
  static override readonly code = 'BAD_CURSOR';
  readonly code = BadCursorError.code;
}
