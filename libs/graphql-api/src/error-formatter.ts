import type { ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import type { Language } from '@ots/config';

type FormattedError = {
  message: string;
  locations?: GraphQLError['locations'];
  path?: GraphQLError['path'];
  extensions: { code: string; detail?: string };
};

/** Mercurius wraps query-level failures (syntax, validation) in one error holding the list. */
interface RequestLevelError extends Error {
  errors?: GraphQLError[];
  statusCode?: number;
}

export type Translate = (code: string, lang: Language) => string;

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
    const original = error.originalError as RequestLevelError | undefined;
    if (Array.isArray(original?.errors)) {
      statusCode = original.statusCode ?? 400;
      return original.errors.map((inner) => ({
        message: translate('GRAPHQL_VALIDATION_FAILED', lang),
        ...(inner.locations ? { locations: inner.locations } : {}),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', detail: inner.message },
      }));
    }
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : original ? 'INTERNAL' : 'GRAPHQL_VALIDATION_FAILED';
    const known = typeof error.extensions?.code === 'string';
    if (!known && original && typeof original.statusCode === 'number') statusCode = original.statusCode;
    return [
      {
        message: known ? error.message : translate(code, lang),
        ...(error.locations ? { locations: error.locations } : {}),
        ...(error.path ? { path: error.path } : {}),
        extensions: { code, ...(!known && code === 'GRAPHQL_VALIDATION_FAILED' ? { detail: error.message } : {}) },
      },
    ];
  });
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
