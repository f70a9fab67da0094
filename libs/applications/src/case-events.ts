import type { CaseEvent, CaseSide } from '@ots/case-events';
import type { ApplicationEntity, EvidenceRequestEntity } from './application.entities.js';

/**
 * The events a case change publishes to the country's case systems, built from the records the change wrote:
 * identifiers, types and the step's facts, never a form's text or a document's claims (libs/case-events).
 */
const caseFacts = (application: ApplicationEntity) => {
  const side: CaseSide = application.role;
  return {
    caseId: application.id,
    side,
    partnerCountry: side === 'home' ? application.destination : application.homeCountry,
    serviceCode: application.serviceCode,
  };
};

export function applicationReceivedEvent(application: ApplicationEntity): CaseEvent {
  return {
    name: 'application-received',
    subject: application.id,
    data: { ...caseFacts(application), applicant: application.applicant, documentTypes: application.documents.map((d) => d.docType) },
  };
}

export function evidenceRequestedEvent(application: ApplicationEntity, request: Pick<EvidenceRequestEntity, 'id' | 'docType'>): CaseEvent {
  return {
    name: 'evidence-requested',
    subject: application.id,
    data: { ...caseFacts(application), requestId: request.id, docType: request.docType },
  };
}

export function evidenceAnsweredEvent(
  application: ApplicationEntity,
  request: Pick<EvidenceRequestEntity, 'id' | 'docType'>,
  provided: boolean,
  automatic: boolean | null,
): CaseEvent {
  return {
    name: 'evidence-answered',
    subject: application.id,
    data: {
      ...caseFacts(application),
      requestId: request.id,
      docType: request.docType,
      outcome: provided ? 'provided' : 'refused',
      automatic,
    },
  };
}

export function decisionMadeEvent(
  application: ApplicationEntity,
  decision: 'approved' | 'rejected',
  reason: string,
  permitId: string | null,
): CaseEvent {
  return {
    name: 'decision-made',
    subject: application.id,
    data: {
      ...caseFacts(application),
      decision,
      reason,
      decidedBy: application.role === 'destination' ? application.decidedBy : null,
      permitId,
    },
  };
}

export function permitIssuedEvent(application: ApplicationEntity, permit: { jti: string; expiresAt: Date }, issuedAt: Date): CaseEvent {
  return {
    name: 'permit-issued',
    subject: application.id,
    data: {
      ...caseFacts(application),
      applicant: application.applicant,
      permitId: permit.jti,
      validFrom: issuedAt.toISOString().slice(0, 10),
      validUntil: permit.expiresAt.toISOString().slice(0, 10),
    },
  };
}

export function taxCertificateReceivedEvent(certificate: {
  jti: string;
  issuerCountry: string;
  subject: string;
  taxYear: number;
}): CaseEvent {
  return {
    name: 'tax-certificate-received',
    subject: certificate.jti,
    data: {
      certificateId: certificate.jti,
      issuerCountry: certificate.issuerCountry,
      subject: certificate.subject,
      taxYear: certificate.taxYear,
    },
  };
}

export function taxpayerCheckAnsweredEvent(answer: { requestId: string; country: string; valid: boolean; resident: boolean }): CaseEvent {
  return {
    name: 'taxpayer-check-answered',
    subject: answer.requestId,
    data: { requestId: answer.requestId, country: answer.country, valid: answer.valid, resident: answer.resident },
  };
}
