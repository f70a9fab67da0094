/** The life of a cross-border application, the same at the home node and at the destination. */
export const CASE_STATUSES = ['submitted', 'under-review', 'evidence-requested', 'approved', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  submitted: ['under-review', 'rejected', 'withdrawn'],
  'under-review': ['evidence-requested', 'approved', 'rejected', 'withdrawn'],
  'evidence-requested': ['under-review', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

export interface TimelineEntry {
  status: CaseStatus;
  at: string;
  note?: string;
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isFinal = (status: CaseStatus): boolean => TRANSITIONS[status].length === 0;

/**
 * The next state and its time-stamped timeline entry, or the refusal: the
 * only way a case changes status.
 *
 * @example
 * transition('submitted', 'under-review', timeline, new Date()) // { status: 'under-review', timeline: [..., {status, at}] }
 */
export function transition(
  from: CaseStatus,
  to: CaseStatus,
  timeline: readonly TimelineEntry[],
  at: Date,
  note?: string,
): { status: CaseStatus; timeline: TimelineEntry[] } | { refused: { from: CaseStatus; to: CaseStatus } } {
  if (!canTransition(from, to)) return { refused: { from, to } };
  return { status: to, timeline: [...timeline, { status: to, at: at.toISOString(), ...(note ? { note } : {}) }] };
}
