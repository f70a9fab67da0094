import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DocumentVerificationView } from '@ots/documents';
import { DocTypeEnum, JsonScalar, RECORD_PAGES, VerificationReasonEnum, closedSetEnum, connectionOf, pagingArgs } from '@ots/graphql-api';
import { MessageTypeEnum } from '@ots/messaging';
import { EVIDENCE_REQUEST_STATUSES } from './application.entities.js';
import { CASE_STATUSES, type CaseStatus } from './case-state.js';
import { CASE_DECISIONS } from './residence-permit.commands.js';
import { TAXPAYER_CHECK_STATUSES } from './taxpayer-check.service.js';

export const CaseStatusEnum = closedSetEnum(
  'CaseStatus',
  CASE_STATUSES,
  'Where a cross-border application stands, the same at the home node and at the destination.',
);
export const CaseDecisionEnum = closedSetEnum('CaseDecision', CASE_DECISIONS, "An officer's decision on a case.");
export const EvidenceRequestStatusEnum = closedSetEnum(
  'EvidenceRequestStatus',
  EVIDENCE_REQUEST_STATUSES,
  'AUTO_ANSWERED: within the recorded consent; APPROVED or REFUSED by the citizen; ANSWERED: the evidence arrived.',
);
export const TaxpayerCheckStatusEnum = closedSetEnum(
  'TaxpayerCheckStatus',
  TAXPAYER_CHECK_STATUSES,
  'PENDING until the partner answers, then ANSWERED.',
);

@ArgsType()
export class RecordPaging extends pagingArgs(RECORD_PAGES) {}

@InputType()
export class CaseFilterInput {
  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;
}

@InputType()
export class TaxpayerCheckFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only these checks (at most 1000 request ids).' })
  requestIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only checks asked of this partner, e.g. KG.' })
  country?: string | null;

  @Field(() => TaxpayerCheckStatusEnum, { nullable: true })
  status?: string | null;
}

@InputType()
export class ApplyAbroadInput {
  @Field({ description: 'The destination country, e.g. TR.' })
  country: string;

  @Field({ description: "A service of the destination's catalog, e.g. TR-RP-WORK." })
  serviceCode: string;

  @Field(() => JsonScalar, { description: "The form, checked against the service's form definition." })
  form: Record<string, unknown>;

  @Field(() => [DocTypeEnum], {
    description:
      'Document types the citizen agrees to share (identity-attestation is always sent); later requests for these are answered without asking.',
  })
  consent: string[];
}

@ObjectType()
export class TimelineEntryView {
  @Field(() => CaseStatusEnum)
  status: string;

  @Field({ description: 'The status in the requested language.' })
  label: string;

  @Field({ description: 'The status in Russian, the working language between nodes.' })
  labelRu: string;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true, description: "An officer's reason or a note, as written." })
  note: string | null;
}

@ObjectType()
export class AttachedDocumentView {
  @Field(() => DocTypeEnum)
  docType: string;

  @Field()
  jti: string;

  @Field(() => VerificationReasonEnum, { description: 'How the document verified when the case was opened.' })
  reason: string;
}

@ObjectType('ApplicationFailure', {
  description: "Why an undelivered application's message did not arrive, and which outbox message an admin retries.",
})
export class ApplicationFailureView {
  @Field({ description: 'The outbox message to retry (retryMessage).' })
  messageId: string;

  @Field(() => MessageTypeEnum)
  msgType: string;

  @Field({ description: "The refusal's code (MESSAGE_NOT_ACCEPTED, ...) or this node's own (PARTNER_UNREACHABLE, ...)." })
  code: string;

  @Field(() => String, { nullable: true, description: "The destination's own code under the refusal, e.g. SERVICE_NOT_OPEN." })
  reason: string | null;

  @Field({ description: 'Why, in the requested language.' })
  message: string;

  @Field({ description: "The partner's own words, in the federation's working language (Russian)." })
  detail: string;

  @Field()
  at: Date;
}

@ObjectType('Application', {
  description: 'A cross-border application: the citizen sees it at home, officers as a case at the destination.',
})
export class ApplicationView {
  @Field()
  id: string;

  @Field()
  applicant: string;

  @Field()
  homeCountry: string;

  @Field()
  destination: string;

  @Field()
  serviceCode: string;

  @Field(() => CaseStatusEnum)
  status: string;

  @Field()
  statusLabel: string;

  @Field()
  statusLabelRu: string;

  @Field(() => JsonScalar)
  form: Record<string, unknown>;

  @Field(() => [DocTypeEnum])
  consent: string[];

  @Field(() => [AttachedDocumentView])
  documents: AttachedDocumentView[];

  @Field(() => [TimelineEntryView])
  timeline: TimelineEntryView[];

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => ApplicationFailureView, { nullable: true, description: 'Set while the application is undelivered.' })
  failure: ApplicationFailureView | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('EvidenceRequest', {
  description: 'A request for a document the citizen did not consent to in advance: preview, then approve or refuse.',
})
export class EvidenceRequestView {
  @Field()
  id: string;

  @Field()
  applicationId: string;

  @Field(() => DocTypeEnum)
  docType: string;

  @Field(() => EvidenceRequestStatusEnum)
  status: string;

  @Field()
  requestedAt: Date;

  @Field(() => JsonScalar, { nullable: true, description: 'Exactly the claims that would be sent.' })
  preview: Record<string, unknown> | null;
}

@ObjectType('HeldDocument', { description: 'A document the citizen holds, with its verification now.' })
export class HeldDocumentView {
  @Field()
  jti: string;

  @Field(() => DocTypeEnum)
  docType: string;

  @Field()
  issuer: string;

  @Field()
  jws: string;

  @Field(() => String, { nullable: true })
  applicationId: string | null;

  @Field()
  receivedAt: Date;

  @Field(() => DocumentVerificationView)
  verification: DocumentVerificationView;
}

@ObjectType('TaxpayerCheck', { description: 'A partner says only whether the number is valid and resident.' })
export class TaxpayerCheckView {
  @Field()
  requestId: string;

  @Field()
  country: string;

  @Field(() => TaxpayerCheckStatusEnum)
  status: string;

  @Field(() => Boolean, { nullable: true })
  valid: boolean | null;

  @Field(() => Boolean, { nullable: true })
  resident: boolean | null;
}

@ObjectType('ReceivedTaxCertificate')
export class ReceivedTaxCertificateView {
  @Field()
  jti: string;

  @Field()
  country: string;

  @Field()
  subject: string;

  @Field(() => Int)
  taxYear: number;

  @Field()
  receivedAt: Date;

  @Field(() => JsonScalar)
  claims: Record<string, unknown>;
}

@ObjectType()
export class ApplicationConnection extends connectionOf(ApplicationView, 'Application') {}

@ObjectType()
export class HeldDocumentConnection extends connectionOf(HeldDocumentView, 'HeldDocument') {}

@ObjectType()
export class ReceivedTaxCertificateConnection extends connectionOf(ReceivedTaxCertificateView, 'ReceivedTaxCertificate') {}

@ObjectType()
export class TaxpayerCheckConnection extends connectionOf(TaxpayerCheckView, 'TaxpayerCheck') {}
