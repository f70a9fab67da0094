/**
 * The events a country's own case systems receive (docs/national-integration.md, "Case-system events"): a closed
 * set, each published as the CloudEvents type `org.ots.case.<name>.v1`. A payload carries identifiers and the facts
 * of the step, never a form's text, a document's claims or a signed document: a back office that needs more reads
 * the case through the GraphQL API the console uses, under its officer's token.
 */
export const CASE_EVENT_TYPES = [
  'application-received',
  'evidence-requested',
  'evidence-answered',
  'decision-made',
  'permit-issued',
  'tax-certificate-received',
  'taxpayer-check-answered',
] as const;
export type CaseEventName = (typeof CASE_EVENT_TYPES)[number];

/** Where a delivery of an event to one subscriber stands. */
export const CASE_EVENT_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type CaseEventDeliveryStatus = (typeof CASE_EVENT_DELIVERY_STATUSES)[number];

/** Which end of a residence-permit case this node is: the applicant's home country or the destination that decides. */
export type CaseSide = 'home' | 'destination';

/** The CloudEvents `type` of an event name: versioned, so a changed payload comes as a new type beside the old. */
export function cloudEventType(name: CaseEventName): string {
  return `org.ots.case.${name}.v1`;
}

/** Common to the residence-permit events: the case (its id is the same at both ends) and the other country. */
interface CaseFacts {
  caseId: string;
  side: CaseSide;
  /** The other end of the case: the destination at home, the home country at the destination. */
  partnerCountry: string;
  serviceCode: string;
}

/** Each event's `data`, by name. */
export interface CaseEventPayloads {
  /** At the destination: a partner's application passed every check and is open for review. */
  'application-received': CaseFacts & { applicant: string; documentTypes: string[] };
  /** An officer at the destination asked for a document (side destination), or that request reached home (side home). */
  'evidence-requested': CaseFacts & { requestId: string; docType: string };
  /**
   * The request was answered: at home when the citizen answered or the recorded consent did (`automatic`), at the
   * destination when the answer arrived (`automatic` null: the destination is not told which).
   */
  'evidence-answered': CaseFacts & { requestId: string; docType: string; outcome: 'provided' | 'refused'; automatic: boolean | null };
  /** The destination decided (side destination, with the officer), or its decision reached home (side home). */
  'decision-made': CaseFacts & { decision: 'approved' | 'rejected'; reason: string; decidedBy: string | null; permitId: string | null };
  /** At the destination: the residence permit issued with an approval. */
  'permit-issued': CaseFacts & { applicant: string; permitId: string; validFrom: string; validUntil: string };
  /** A treaty partner delivered a tax residence certificate of one of its residents. */
  'tax-certificate-received': { certificateId: string; issuerCountry: string; subject: string; taxYear: number };
  /** A partner answered one of this node's taxpayer-number checks. */
  'taxpayer-check-answered': { requestId: string; country: string; valid: boolean; resident: boolean };
}

/** One event as a domain publishes it, in the transaction of the change it reports. */
export type CaseEvent = {
  [N in CaseEventName]: {
    name: N;
    /** The CloudEvents `subject`: the case id, the certificate's id or the check's request id. */
    subject: string;
    data: CaseEventPayloads[N];
  };
}[CaseEventName];
