import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DocumentVerificationView } from '@ots/documents';
import { JsonScalar } from '@ots/graphql-api';

export enum CaseDecision {
  approve = 'approve',
  reject = 'reject',
}
registerEnumType(CaseDecision, { name: 'CaseDecision' });

@InputType()
export class ApplyAbroadInput {
  @Field({ description: 'The destination country, e.g. TR.' })
  country: string;

  @Field({ description: "A service of the destination's catalog, e.g. TR-RP-WORK." })
  serviceCode: string;

  @Field(() => JsonScalar, { description: "The form, checked against the service's form definition." })
  form: Record<string, unknown>;

  @Field(() => [String], {
    description:
      'Document types the citizen agrees to share (identity-attestation is always sent); later requests for these are answered without asking.',
  })
  consent: string[];
}

@ObjectType()
export class TimelineEntryView {
  @Field()
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
  @Field()
  docType: string;

  @Field()
  jti: string;

  @Field()
  reason: string;
}

@ObjectType('ApplicationFailure', {
  description: "Why an undelivered application's message did not arrive, and which outbox message an admin retries.",
})
export class ApplicationFailureView {
  @Field({ description: 'The outbox message to retry (retryMessage).' })
  messageId: string;

  @Field()
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

  @Field()
  status: string;

  @Field()
  statusLabel: string;

  @Field()
  statusLabelRu: string;

  @Field(() => JsonScalar)
  form: Record<string, unknown>;

  @Field(() => [String])
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

  @Field()
  docType: string;

  @Field()
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

  @Field()
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

  @Field({ description: 'pending or answered' })
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
