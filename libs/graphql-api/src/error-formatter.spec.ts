import { buildSchema, execute, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { classifyValidationError, formatGraphqlErrors } from './error-formatter.js';

const schema = buildSchema(`
  enum CaseStatus { SUBMITTED APPROVED }
  input CaseFilterInput { status: CaseStatus }
  type Query { cases(filter: CaseFilterInput, status: CaseStatus): Int, node(lang: String): Int }
`);
const validationErrors = (query: string) => validate(schema, parse(query));
const translate = (code: string, lang: string, params: Record<string, string | number>) => `${lang}:${code}:${JSON.stringify(params)}`;

describe('how the formatter names a refused enum value (graphql 16 wording, pinned here)', () => {
  it.each([
    ['{ cases(status: DONE) }', 'DONE'],
    ['{ cases(filter: { status: DONE }) }', 'DONE'],
    ['{ cases(status: "submitted") }', '"submitted"'],
  ])('%s is UNKNOWN_ENUM_VALUE of CaseStatus', (query, value) => {
    const [error] = validationErrors(query);
    expect(classifyValidationError(error?.message ?? '')).toEqual({ code: 'UNKNOWN_ENUM_VALUE', params: { type: 'CaseStatus', value } });
  });

  it('names a variable given a value the enum lacks', () => {
    const result = execute({ schema, document: parse('query($s: CaseStatus) { cases(status: $s) }'), variableValues: { s: 'submitted' } });
    const formatted = formatGraphqlErrors(result as never, 'ru', translate);
    expect(formatted.response.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_ENUM_VALUE' });
    expect(formatted.response.errors?.[0]?.message).toBe('ru:UNKNOWN_ENUM_VALUE:{"type":"CaseStatus","value":"submitted"}');
  });

  it('leaves every other validation error GRAPHQL_VALIDATION_FAILED', () => {
    for (const query of ['{ nope }', '{ cases(status: SUBMITTED, other: 1) }', '{ node(lang: 5) }'])
      for (const error of validationErrors(query)) expect(classifyValidationError(error.message)).toBeUndefined();
  });

  it('translates the request-level refusal into the request language, with the value and the type', () => {
    const errors = validationErrors('{ cases(status: DONE) }');
    const wrapped = Object.assign(new Error('validation'), { errors, statusCode: 400 });
    const formatted = formatGraphqlErrors({ errors: [{ originalError: wrapped } as never] }, 'kk', translate);
    expect(formatted.statusCode).toBe(400);
    expect(formatted.response.errors?.[0]).toMatchObject({
      message: 'kk:UNKNOWN_ENUM_VALUE:{"type":"CaseStatus","value":"DONE"}',
      extensions: { code: 'UNKNOWN_ENUM_VALUE' },
    });
  });
});
