import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canTransition, isFinal, resumedStatus, transition } from './case-state.js';

describe('case state machine', () => {
  it('follows submitted -> under-review -> evidence-requested -> under-review -> approved, stamping each step', () => {
    let state = { status: 'submitted' as const, timeline: [{ status: 'submitted' as const, at: '2026-01-01T00:00:00.000Z' }] } as {
      status: (typeof CASE_STATUSES)[number];
      timeline: { status: (typeof CASE_STATUSES)[number]; at: string; note?: string }[];
    };
    for (const [to, minute] of [
      ['under-review', 1],
      ['evidence-requested', 2],
      ['under-review', 3],
      ['approved', 4],
    ] as const) {
      const next = transition(
        state.status,
        to,
        state.timeline,
        new Date(Date.UTC(2026, 0, 1, 0, minute)),
        to === 'approved' ? 'all evidence in order' : undefined,
      );
      if ('refused' in next) throw new Error('refused');
      state = next;
    }
    expect(state.timeline.map((e) => e.status)).toEqual(['submitted', 'under-review', 'evidence-requested', 'under-review', 'approved']);
    expect(state.timeline.at(-1)).toEqual({ status: 'approved', at: '2026-01-01T00:04:00.000Z', note: 'all evidence in order' });
  });

  it.each([
    ['submitted', 'approved'],
    ['submitted', 'evidence-requested'],
    ['approved', 'rejected'],
    ['rejected', 'under-review'],
    ['withdrawn', 'under-review'],
    ['evidence-requested', 'approved'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(transition(from, to, [], new Date())).toEqual({ refused: { from, to } });
  });

  it('lets an applicant withdraw any open case, and ends in three final states', () => {
    for (const status of ['submitted', 'under-review', 'evidence-requested'] as const)
      expect(canTransition(status, 'withdrawn')).toBe(true);
    expect(CASE_STATUSES.filter(isFinal)).toEqual(['approved', 'rejected', 'withdrawn']);
  });

  it('parks an open case whose message did not arrive as undelivered, and lets it go back or be withdrawn, never decided', () => {
    expect(CASE_STATUSES.filter((s) => canTransition(s, 'undelivered'))).toEqual(['submitted', 'under-review', 'evidence-requested']);
    expect(CASE_STATUSES.filter((s) => canTransition('undelivered', s))).toEqual([
      'submitted',
      'under-review',
      'evidence-requested',
      'withdrawn',
    ]);
    expect(isFinal('undelivered')).toBe(false);
    expect(transition('undelivered', 'approved', [], new Date())).toEqual({ refused: { from: 'undelivered', to: 'approved' } });
  });

  it('resumes an undelivered case where it was when its message died', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(
      resumedStatus([
        { status: 'submitted', at },
        { status: 'undelivered', at },
      ]),
    ).toBe('submitted');
    expect(
      resumedStatus([
        { status: 'submitted', at },
        { status: 'under-review', at },
        { status: 'evidence-requested', at },
        { status: 'undelivered', at },
      ]),
    ).toBe('evidence-requested');
    expect(
      resumedStatus([
        { status: 'submitted', at },
        { status: 'undelivered', at },
        { status: 'submitted', at },
        { status: 'undelivered', at },
      ]),
    ).toBe('submitted');
    expect(resumedStatus([{ status: 'submitted', at }])).toBeUndefined();
  });
});
