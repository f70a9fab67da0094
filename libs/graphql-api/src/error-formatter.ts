import type { ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import type { Language } from '@ots/config';
import { InternalError } from '@ots/errors';
import { BodyTooLargeError, GraphqlValidationFailedError, UnknownEnumValueError } from './graphql-api.errors.js';

type FormattedError = {
  message: string;
  locations?: GraphQLError['locations'];
  path?: GraphQLError['path'];
  extensions: { code: string; reason?: string; detail?: string };
};

/** Fastify's body limit, set where the app is created; a larger body never reaches a resolver. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Fastify's refusals of the HTTP request itself, and the codes callers see for them. */
const REQUEST_FAULTS: Record<string, { code: string; params: Record<string, number> }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: BodyTooLargeError.code, params: { max: BODY_LIMIT_BYTES } },
};

/** Mercurius wraps query-level failures (syntax, validation) in one error holding the list. */
interface RequestLevelError extends Error {
  errors?: GraphQLError[];
  statusCode?: number;
}

export type Translate = (code: string, lang: Language, params: Record<string, string | number>) => string;

/**
 * Mercurius' last word on every error: each one carries a `code`, nothing
 * from the server's inside (no stack, no internal detail) leaves. Errors
 * raised in resolvers were already translated by ApiExceptionFilter; the
 * rest are faults of the query itself (syntax, validation), reported as
 * GRAPHQL_VALIDATION_FAILED with graphql-js' own words as `detail`.
 */
export function formatGraphqlErrors(
  execution: ExecutionResult & { errors?: readonly GraphQLError[] },
  lang: Language,
  translate: Translate,
): { statusCode: number; response: FormattedExecutionResult } {
  let statusCode = 200;
  const errors = (execution.errors ?? []).flatMap((error): FormattedError[] => {
    const original: RequestLevelError | undefined = error.originalError;
    if (Array.isArray(original?.errors)) {
      statusCode = original.statusCode ?? 400;
      return original.errors.map((inner) => {
        const { code: ownCode, ...ownParams } = (inner.extensions ?? {}) as Record<string, string | number>;
        const refusal = typeof ownCode === 'string' ? undefined : classifyValidationError(inner.message);
        const code = typeof ownCode === 'string' ? ownCode : (refusal?.code ?? GraphqlValidationFailedError.code);
        const params = refusal?.params ?? ownParams;
        return {
          message: translate(code, lang, params),
          ...(inner.locations ? { locations: inner.locations } : {}),
          extensions: { code, detail: inner.message },
        };
      });
    }
    const fault = REQUEST_FAULTS[(original as { code?: string } | undefined)?.code ?? ''];
    if (fault) {
      statusCode = original?.statusCode ?? 400;
      return [{ message: translate(fault.code, lang, fault.params), extensions: { code: fault.code } }];
    }
    const known = typeof error.extensions?.code === 'string';
    // A variable's value is coerced after validation, so graphql-js reports an unknown enum value there.
    const refusal = known ? undefined : classifyValidationError(error.message);
    const code = known
      ? (error.extensions.code as string)
      : refusal
        ? refusal.code
        : original
          ? InternalError.code
          : GraphqlValidationFailedError.code;
    if (!known && !refusal && original && typeof original.statusCode === 'number') statusCode = original.statusCode;
    const ownWords = !known && (refusal !== undefined || !original);
    return [
      {
        message: known ? error.message : translate(code, lang, refusal?.params ?? {}),
        ...(error.locations ? { locations: error.locations } : {}),
        ...(error.path ? { path: error.path } : {}),
        extensions: {
          code,
          ...(known ? publicFacts(error.extensions) : ownWords ? { detail: error.message } : {}),
        },
      },
    ];
  });
  // A request that never executed (it did not parse or validate) has no data entry at all (GraphQL, section 7.1.2).
  return { statusCode, response: execution.data === undefined ? { errors } : { data: execution.data, errors } };
}

/**
 * graphql-js' refusals of a value an enum does not have, as literal (`status: DONE`, `status: "done"`) or
 * variable (`Variable "$s" got invalid value "done"...`): the wording of graphql 16, pinned by the formatter's spec.
 */
const ENUM_REFUSALS = [
  /Value "(?<value>[^"]{0,200})" does not exist in "(?<type>\w+)" enum/,
  /Enum "(?<type>\w+)" cannot represent non-enum value: (?<value>.{0,200}?)\./,
];

/** A validation error that has a code of its own, with its message's parameters; undefined for the rest. */
export function classifyValidationError(message: string): { code: string; params: Record<string, string> } | undefined {
  for (const pattern of ENUM_REFUSALS) {
    const groups = pattern.exec(message)?.groups;
    if (groups?.type && groups.value !== undefined)
      return { code: UnknownEnumValueError.code, params: { type: groups.type, value: groups.value.slice(0, 64) } };
  }
  return undefined;
}

/** Of a resolver error's extensions, only the facts OtsError declares public (`reason`, `detail`) leave. */
function publicFacts(extensions: GraphQLError['extensions'] | undefined): { reason?: string; detail?: string } {
  const facts: { reason?: string; detail?: string } = {};
  if (typeof extensions?.reason === 'string') facts.reason = extensions.reason;
  if (typeof extensions?.detail === 'string') facts.detail = extensions.detail;
  return facts;
}
