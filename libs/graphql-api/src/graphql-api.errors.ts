import { OtsError } from '@ots/errors';

/** A query that does not parse or does not fit the schema; `detail` carries graphql-js' own words. */
export class GraphqlValidationFailedError extends OtsError {
  static override readonly code = 'GRAPHQL_VALIDATION_FAILED';
  readonly code = GraphqlValidationFailedError.code;
}

/** A query nested deeper than the node allows; refused before any resolver runs. */
export class QueryTooDeepError extends OtsError {
  static override readonly code = 'QUERY_TOO_DEEP';
  readonly code = QueryTooDeepError.code;
}

/** A query with more aliases than the node allows; refused before any resolver runs. */
export class TooManyAliasesError extends OtsError {
  static override readonly code = 'TOO_MANY_ALIASES';
  readonly code = TooManyAliasesError.code;
}

/** A query whose estimated cost (lists counted `first` times) is above the node's limit. */
export class QueryTooComplexError extends OtsError {
  static override readonly code = 'QUERY_TOO_COMPLEX';
  readonly code = QueryTooComplexError.code;
}

/** The client address sent more requests than its limit allows; `Retry-After` says when to try again. */
export class RateLimitedError extends OtsError {
  static override readonly code = 'RATE_LIMITED';
  readonly code = RateLimitedError.code;
  override readonly httpStatus = 429;
}

/** The HTTP body is larger than the node reads; refused before it is parsed. */
export class BodyTooLargeError extends OtsError {
  static override readonly code = 'BODY_TOO_LARGE';
  readonly code = BodyTooLargeError.code;
  override readonly httpStatus = 413;
}

/** A page size (`first` or `last`) below 1 or above the list's documented maximum. */
export class PageTooLargeError extends OtsError {
  static override readonly code = 'PAGE_TOO_LARGE';
  readonly code = PageTooLargeError.code;
}

/** An `after` or `before` cursor that this list did not hand out. */
export class BadCursorError extends OtsError {
  static override readonly code = 'BAD_CURSOR';
  readonly code = BadCursorError.code;
}

/** An enum argument or input field given a value the enum does not have; refused before any resolver runs. */
export class UnknownEnumValueError extends OtsError {
  static override readonly code = 'UNKNOWN_ENUM_VALUE';
  readonly code = UnknownEnumValueError.code;
}
