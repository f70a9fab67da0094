import { describe, expect, it } from 'vitest';
import { validateForm, type FormFieldSpec } from './form-validation.js';

const fields: FormFieldSpec[] = [
  { name: 'purpose', type: 'string', required: true, maxLength: 20 },
  { name: 'months', type: 'integer', required: true, min: 1, max: 24 },
  { name: 'arrival', type: 'date', required: false },
  { name: 'kind', type: 'enum', required: true, values: ['first', 'extension'] },
  { name: 'withFamily', type: 'boolean', required: false },
];

describe(validateForm.name, () => {
  it('accepts a valid form', () =>
    expect(validateForm(fields, { purpose: 'work', months: 12, arrival: '2027-02-01', kind: 'first', withFamily: true })).toEqual([]));
  it('names every problem', () =>
    expect(
      validateForm(fields, { purpose: 'x'.repeat(21), months: 0, arrival: '2027-13-45', kind: 'other', withFamily: 'yes', extra: 1 }),
    ).toEqual([
      'extra: is not a field of this form',
      'purpose: at most 20 characters',
      'months: must be between 1 and 24',
      'arrival: must be a date YYYY-MM-DD',
      'kind: must be one of first, extension',
      'withFamily: must be true or false',
    ]));
  it('requires required fields', () =>
    expect(validateForm(fields, {})).toEqual(['purpose: is required', 'months: is required', 'kind: is required']));
  it('refuses what is not an object', () => expect(validateForm(fields, [1])).toEqual(['form: must be a JSON object']));
});
