import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KeysetColumn } from '@ots/persistence';
import type { CaseStatus, TimelineEntry } from './case-state.js';

/** A case's message that did not arrive, as the outbox parked it. */
export interface CaseFailure {
  messageId: string;
  msgType: string;
  /** The refusal's code (`MESSAGE_NOT_ACCEPTED`...) or this node's own (`PARTNER_UNREACHABLE`...). */
  code: string;
  /** The partner domain's code under the refusal, e.g. `SERVICE_NOT_OPEN`. */
  reason: string | null;
  /** The partner's words, in the federation's working language. */
  detail: string;
  at: string;
}

/**
 * One cross-border application. The home node keeps it as the citizen's
 * (`role: home`), the destination as the officers' case (`role:
 * destination`), under the same id.
 */
@Entity('application')
export class ApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  role: 'home' | 'destination';

  @Column({ type: 'varchar', length: 96 })
  applicant: string;

  @Column({ name: 'home_country', type: 'varchar', length: 2 })
  homeCountry: string;

  @Column({ type: 'varchar', length: 2 })
  destination: string;

  @Column({ name: 'service_code', type: 'varchar', length: 48 })
  serviceCode: string;

  @Column({ type: 'varchar', length: 24 })
  status: CaseStatus;

  @Column({ type: 'simple-json' })
  form: Record<string, unknown>;

  @Column({ type: 'simple-json' })
  consent: string[];

  /** Documents attached to the case: sent (home) or received and verified (destination). */
  @Column({ type: 'simple-json' })
  documents: { docType: string; jti: string; jws: string; reason: string }[];

  @Column({ type: 'simple-json' })
  timeline: TimelineEntry[];

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 128, nullable: true })
  decidedBy: string | null;

  /** Why the case is `undelivered`: its message's id in the outbox (for `retryMessage`) and the refusal's codes. */
  @Column({ type: 'simple-json', nullable: true })
  failure: CaseFailure | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;
}

/** `auto-answered`: within the recorded consent; `approved`/`refused`: by the citizen; `answered`: the evidence arrived. */
export const EVIDENCE_REQUEST_STATUSES = ['pending', 'auto-answered', 'approved', 'refused', 'answered'] as const;
export type EvidenceRequestStatus = (typeof EVIDENCE_REQUEST_STATUSES)[number];

@Entity('evidence_request')
export class EvidenceRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 12 })
  role: 'home' | 'destination';

  @Column({ type: 'varchar', length: 96 })
  applicant: string;

  @Column({ name: 'doc_type', type: 'varchar', length: 40 })
  docType: string;

  @Column({ type: 'varchar', length: 16 })
  status: EvidenceRequestStatus;

  @Column({ name: 'requested_at', type: Date })
  requestedAt: Date;

  @Column({ name: 'answered_at', type: Date, nullable: true })
  answeredAt: Date | null;
}

/** A document a citizen holds: issued to them by this node or received for them from a partner. */
@Entity('citizen_document')
export class CitizenDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti: string;

  @Column({ type: 'varchar', length: 96 })
  holder: string;

  @Column({ name: 'doc_type', type: 'varchar', length: 40 })
  docType: string;

  @Column({ type: 'varchar', length: 2 })
  issuer: string;

  @Column({ type: 'text' })
  jws: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  @Column({ name: 'received_at', type: Date })
  receivedAt: Date;
}

/** Tax exchanges: certificates received for treaty relief, and taxpayer-number checks asked of partners. */
@Entity('tax_record')
export class TaxRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  kind: 'residence-certificate' | 'tin-check';

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 96 })
  subject: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'simple-json' })
  detail: Record<string, unknown>;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;
}

/** Sort keys of the lists paged over these records (newest first; the id breaks ties). */
export const APPLICATION_KEY: KeysetColumn<ApplicationEntity>[] = [{ property: 'createdAt', date: true }, { property: 'id' }];
export const CITIZEN_DOCUMENT_KEY: KeysetColumn<CitizenDocumentEntity>[] = [{ property: 'receivedAt', date: true }, { property: 'jti' }];
export const TAX_RECORD_KEY: KeysetColumn<TaxRecordEntity>[] = [{ property: 'createdAt', date: true }, { property: 'id' }];
