import type { StringKey } from '../i18n/i18n';
import type { Language as LanguageCode } from '../i18n/i18n';
import type {
  CaseStatus,
  DocType,
  KeyRevocationReason,
  KeyStatus,
  Language,
  MessageStatus,
  MessageType,
  OwnKeyKind,
  TrustAnchorKeySource,
  TrustAnchorStatus,
} from './generated';

/*
 * The schema's enums (SCREAMING_CASE) to what the console shows: a string of the console's own for a state, the
 * protocol's wire name for an identifier an admin looks up in docs/protocol. Each map covers its whole enum, so a
 * value added to the schema fails the console's type check until it has a label here.
 */

/** The states of a case addressed to this node: UNDELIVERED is the home node's, for an application it could not send. */
export type OfficerCaseStatus = Exclude<CaseStatus, 'UNDELIVERED'>;

export const CASE_STATUS_LABEL: Record<OfficerCaseStatus, StringKey> = {
  SUBMITTED: 'caseStatus.submitted',
  UNDER_REVIEW: 'caseStatus.under-review',
  EVIDENCE_REQUESTED: 'caseStatus.evidence-requested',
  APPROVED: 'caseStatus.approved',
  REJECTED: 'caseStatus.rejected',
  WITHDRAWN: 'caseStatus.withdrawn',
};

export const MESSAGE_STATUS_LABEL: Record<MessageStatus, StringKey> = {
  PENDING: 'messageStatus.pending',
  DELIVERED: 'messageStatus.delivered',
  DEAD: 'messageStatus.dead',
};

export const TRUST_STATUS_LABEL: Record<TrustAnchorStatus, StringKey> = {
  ACTIVE: 'trustStatus.active',
  SUSPENDED: 'trustStatus.suspended',
  REVOKED: 'trustStatus.revoked',
};

export const KEY_STATUS_LABEL: Record<KeyStatus, StringKey> = {
  ACTIVE: 'trustStatus.active',
  REVOKED: 'trustStatus.revoked',
};

export const KEY_SOURCE_LABEL: Record<TrustAnchorKeySource, StringKey> = {
  PINNED: 'keySource.pinned',
  CONTINUITY: 'keySource.continuity',
  SIGNER: 'keySource.signer',
};

export const REVOCATION_REASON_LABEL: Record<KeyRevocationReason, StringKey> = {
  SUPERSEDED: 'trust.reasonSuperseded',
  COMPROMISED: 'trust.reasonCompromised',
};

export const OWN_KEY_KIND_LABEL: Record<OwnKeyKind, StringKey> = {
  ROOT: 'keys.root',
  SIGNER: 'keys.signer',
  ENCRYPTION: 'keys.encryption',
  LOG: 'keys.log',
};

/** docs/protocol section 6 `msg_type`, as the live feed (which carries wire values) shows it too. */
export const MESSAGE_TYPE_WIRE: Record<MessageType, string> = {
  APPLICATION_SUBMIT: 'application.submit',
  APPLICATION_STATUS: 'application.status',
  APPLICATION_DECISION: 'application.decision',
  EVIDENCE_REQUEST: 'evidence.request',
  EVIDENCE_RESPONSE: 'evidence.response',
  TAX_RESIDENCE_CERTIFICATE: 'tax.residence-certificate',
  TAX_TIN_VERIFICATION: 'tax.tin-verification',
};

/** docs/protocol section 4 `doc_type`. */
export const DOC_TYPE_WIRE: Record<DocType, string> = {
  APPLICATION_RECEIPT: 'application-receipt',
  BUSINESS_REGISTRATION: 'business-registration',
  CRIMINAL_RECORD_CERTIFICATE: 'criminal-record-certificate',
  IDENTITY_ATTESTATION: 'identity-attestation',
  INCOME_STATEMENT: 'income-statement',
  RESIDENCE_PERMIT: 'residence-permit',
  TAX_RESIDENCE_CERTIFICATE: 'tax-residence-certificate',
};

/** The console's language as the schema's `Language` argument. */
export const languageArg = (lang: LanguageCode): Language => lang.toUpperCase() as Language;
