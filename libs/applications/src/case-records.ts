import { ApplicationEntity, EvidenceRequestEntity } from './application.entities.js';
import { IllegalTransitionError } from './applications.errors.js';
import { resumedStatus, transition, type CaseStatus } from './case-state.js';

export type CaseRole = ApplicationEntity['role'];

/** What tells one new case from another; the rest of a new case is the same at both ends. */
export type NewCase = Pick<
  ApplicationEntity,
  'id' | 'role' | 'applicant' | 'homeCountry' | 'destination' | 'serviceCode' | 'form' | 'consent' | 'documents'
>;

/** A case as it is opened, at home when the citizen applies and at the destination when it arrives: submitted, undecided. */
export function openCase(fields: NewCase, now: Date): ApplicationEntity {
  return Object.assign(new ApplicationEntity(), {
    ...fields,
    status: 'submitted' as const,
    timeline: [{ status: 'submitted' as const, at: now.toISOString() }],
    decisionReason: null,
    decidedBy: null,
    failure: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** A pending request for one more document, as the destination sends it and as the home node receives it. */
export function openEvidenceRequest(
  fields: Pick<EvidenceRequestEntity, 'id' | 'applicationId' | 'role' | 'applicant' | 'docType'>,
  now: Date,
): EvidenceRequestEntity {
  return Object.assign(new EvidenceRequestEntity(), { ...fields, status: 'pending' as const, requestedAt: now, answeredAt: null });
}

/** Moves a loaded case to `to` with a timeline entry, or throws ILLEGAL_TRANSITION leaving it as it was. */
export function advanceCase(application: ApplicationEntity, to: CaseStatus, note?: string, now = new Date()): void {
  const next = transition(application.status, to, application.timeline, now, note);
  if ('refused' in next)
    throw new IllegalTransitionError(`${application.status} -> ${to}`, { from: next.refused.from, to: next.refused.to });
  application.status = next.status;
  application.timeline = next.timeline;
  application.updatedAt = now;
}

/**
 * Moves an undelivered case back to where it was when its message died, clearing the failure; false when there is
 * nowhere to go back to (the case is not undelivered).
 */
export function resumeCase(application: ApplicationEntity, note: string, now = new Date()): boolean {
  const back = application.status === 'undelivered' ? resumedStatus(application.timeline) : undefined;
  if (!back) return false;
  advanceCase(application, back, note, now);
  application.failure = null;
  return true;
}
