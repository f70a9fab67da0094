import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS_DOC, errorVocabulary, renderErrorsDoc } from './errors-doc.mjs';

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
});
