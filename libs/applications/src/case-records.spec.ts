import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from './applications.errors.js';
import { advanceCase, openCase } from './case-records.js';

const fields = {
  id: '00000000-0000-4000-8000-000000000001',
  role: 'home' as const,
  applicant: 'KZ:IIN:900101300123',
  homeCountry: 'KZ',
  destination: 'TR',
  serviceCode: 'TR-RP-WORK',
  form: {},
  consent: [],
  documents: [],
};

describe('case records', () => {
  it('opens a case submitted and undecided, with its first timeline entry', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(openCase(fields, at)).toMatchObject({
      ...fields,
      status: 'submitted',
      timeline: [{ status: 'submitted', at: '2026-01-02T03:04:05.000Z' }],
      decisionReason: null,
      decidedBy: null,
      createdAt: at,
      updatedAt: at,
    });
  });

  it('advances a case with a noted entry, and refuses an impossible move leaving the case as it was', () => {
    const application = openCase(fields, new Date('2026-01-02T00:00:00.000Z'));
    const later = new Date('2026-01-03T00:00:00.000Z');
    advanceCase(application, 'under-review', 'documents verified', later);
    expect(application).toMatchObject({ status: 'under-review', updatedAt: later });
    expect(application.timeline.at(-1)).toEqual({ status: 'under-review', at: later.toISOString(), note: 'documents verified' });
    const before = structuredClone(application);
    expect(() => advanceCase(application, 'submitted')).toThrow(IllegalTransitionError);
    expect(application).toEqual(before);
  });
});
