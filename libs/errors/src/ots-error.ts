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
/**
 * What an error may tell its caller beyond the code: `reason`, a stable sub-code (which check of a bearer token
 * failed), and `detail`, the node's own words on an admin's own call (why a partner's entity configuration was
 * refused). Never secrets, claim values or anything from the server's inside.
 */
export interface PublicErrorFacts {
  reason?: string;
  detail?: string;
}

export abstract class OtsError extends Error {
  static readonly code: string = 'INTERNAL';
  abstract readonly code: string;
  /** How the error surfaces over HTTP when no GraphQL envelope carries it. */
  readonly httpStatus: number = 400;

  /** Untranslated facts a caller may read beside the code (GraphQL `extensions`); see PublicErrorFacts. */
  readonly extensions: PublicErrorFacts;

  /**
   * The language the caller reads whatever the request asked, when the caller is not a person: a refusal to a
   * partner node is written in the federation's working language (docs/protocol section 8). Set with `readIn`.
   */
  language?: string;

  constructor(
    message: string,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown; extensions?: PublicErrorFacts },
  ) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.extensions = options?.extensions ?? {};
  }

  /** Has the message written in `language` whatever the request's language (see `language`). */
  readIn(language: string): this {
    this.language = language;
    return this;
  }
}

/** An argument or message field that fails validation; `detail` names the field. */
export class BadInputError extends OtsError {
  static override readonly code = 'BAD_INPUT';
  readonly code = BadInputError.code;
}

/** The operation needs a valid bearer token and the request had none, or one that did not verify. */
export class UnauthenticatedError extends OtsError {
  static override readonly code = 'UNAUTHENTICATED';
  readonly code = UnauthenticatedError.code;
  override readonly httpStatus = 401;
}

/** The caller's role may not run this operation, or the record belongs to someone else. */
export class ForbiddenError extends OtsError {
  static override readonly code = 'FORBIDDEN';
  readonly code = ForbiddenError.code;
  override readonly httpStatus = 403;
}

/** The thing asked for does not exist on this node. */
export class NotFoundError extends OtsError {
  static override readonly code = 'NOT_FOUND';
  readonly code = NotFoundError.code;
  override readonly httpStatus = 404;
}

/** An unexpected fault; the detail stays in the node's log, never in the answer. */
export class InternalError extends OtsError {
  static override readonly code = 'INTERNAL';
  readonly code = InternalError.code;
  override readonly httpStatus = 500;
}
