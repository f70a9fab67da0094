/**
 * The life of a cross-border application, the same at the home node and at the destination. `undelivered` is the
 * home node's only: the partner refused the case's message or it died in the outbox, so the case waits, visibly, for an
 * admin's retry (back to where it was once the retry is delivered) or the citizen's withdrawal.
 */
export const CASE_STATUSES = [
  'submitted',
  'under-review',
  'evidence-requested',
  'approved',
  'rejected',
  'withdrawn',
  'undelivered',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  submitted: ['under-review', 'rejected', 'withdrawn', 'undelivered'],
  'under-review': ['evidence-requested', 'approved', 'rejected', 'withdrawn', 'undelivered'],
  'evidence-requested': ['under-review', 'rejected', 'withdrawn', 'undelivered'],
  approved: [],
  rejected: [],
  withdrawn: [],
  undelivered: ['submitted', 'under-review', 'evidence-requested', 'withdrawn'],
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

/**
 * Where an undelivered case goes back to once its message is delivered: the status it had when the message died.
 *
 * @example
 * resumedStatus([{ status: 'submitted', at }, { status: 'undelivered', at }]) // 'submitted'
 */
export function resumedStatus(timeline: readonly TimelineEntry[]): CaseStatus | undefined {
  const last = timeline.findLastIndex((e) => e.status === 'undelivered');
  const before = last > 0 ? timeline[last - 1].status : undefined;
  return before && canTransition('undelivered', before) ? before : undefined;
}
