import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@ots/graphql-api';
import { ERROR_CODES_FILE, ERRORS_DOC, errorVocabulary, renderErrorCodes, renderErrorsDoc } from './errors-doc.mjs';

describe('the error vocabulary', () => {
  it('gives every OtsError subclass one static code, used by its instances, a meaning and an English message', async () => {
    const { problems } = await errorVocabulary();
    expect(problems).toEqual([]);
  });

  it('is what docs/errors.md lists (regenerate with `npm run docs:errors`)', async () => {
    const { errors } = await errorVocabulary();
    expect(readFileSync(ERRORS_DOC, 'utf8')).toBe(renderErrorsDoc(errors));
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(['BAD_INPUT', 'RATE_LIMITED', 'THUMBPRINT_MISMATCH']));
  });

  it('is what the schema publishes as enum ErrorCode, value for value (regenerate with `npm run docs:errors`)', async () => {
    const { errors } = await errorVocabulary();
    expect(readFileSync(ERROR_CODES_FILE, 'utf8')).toBe(renderErrorCodes(errors));
    expect([...ERROR_CODES]).toEqual(errors.map((e) => e.code));
  });
});
