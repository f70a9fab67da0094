import { describe, expect, it } from 'vitest';
import { refusedFields } from './refused-fields';

describe(refusedFields.name, () => {
  it('names each field of the detail with its reason, list indexes dropped', () => {
    expect([...refusedFields('texts.tk.name: is empty; crossBorder[0]: must be a member; fee.currency: must be an ISO 4217 code')]).toEqual(
      [
        ['texts.tk.name', 'is empty'],
        ['crossBorder', 'must be a member'],
        ['fee.currency', 'must be an ISO 4217 code'],
      ],
    );
  });

  it('names nothing without a detail, or for a detail that is no field list', () => {
    expect(refusedFields(undefined).size).toBe(0);
    expect(refusedFields('something went wrong').size).toBe(0);
  });
});
