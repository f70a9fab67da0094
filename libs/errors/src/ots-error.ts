/**
 * Base of every error the node reports to a caller. Following jose's
 * pattern, each subclass carries a stable machine `code` (never translated)
 * and the parameters its translated message needs; the human text comes
 * from `@ots/i18n` in the caller's language, so the class holds only an
 * English fallback for logs.
 *
 * @example
 * export class UnknownCountryError extends OtsError {
 *   static override readonly code = 'UNKNOWN_COUNTRY';
 *   readonly code = UnknownCountryError.code;
 * }
 * throw new UnknownCountryError('no such country: XX', { country: 'XX' });
 */
export abstract class OtsError extends Error {
  static readonly code: string = 'INTERNAL';
  abstract readonly code: string;
  /** How the error surfaces over HTTP when no GraphQL envelope carries it. */
  readonly httpStatus: number = 400;

  constructor(
    message: string,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadInputError extends OtsError {
  static override readonly code = 'BAD_INPUT';
  readonly code = BadInputError.code;
}

export class UnauthenticatedError extends OtsError {
  static override readonly code = 'UNAUTHENTICATED';
  readonly code = UnauthenticatedError.code;
  override readonly httpStatus = 401;
}

export class ForbiddenError extends OtsError {
  static override readonly code = 'FORBIDDEN';
  readonly code = ForbiddenError.code;
  override readonly httpStatus = 403;
}

export class NotFoundError extends OtsError {
  static override readonly code = 'NOT_FOUND';
  readonly code = NotFoundError.code;
  override readonly httpStatus = 404;
}

export class InternalError extends OtsError {
  static override readonly code = 'INTERNAL';
  readonly code = InternalError.code;
  override readonly httpStatus = 500;
}
