/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddTrustAnchorInput = {
  /** The partner node's base URL; its entity configuration is fetched from there. */
  baseUrl: string;
  /** The partner country, e.g. TR. */
  country: string;
  /** The partner's root key thumbprints, compared out of band by the two admins. */
  thumbprints: Array<string>;
};

export type ApplyAbroadInput = {
  /** Document types the citizen agrees to share (identity-attestation is always sent); later requests for these are answered without asking. */
  consent: Array<DocType>;
  /** The destination country, e.g. TR. */
  country: string;
  /** The form, checked against the service's form definition. */
  form: unknown;
  /** A service of the destination's catalog, e.g. TR-RP-WORK. */
  serviceCode: string;
};

export type BackupRecordInput = {
  /** Whether the file holds the node's key files (false with keys in a PKCS#11 token). */
  keyMaterialIncluded: boolean;
  /** SHA-256 of the whole backup file, lower-case hex. */
  sha256: string;
};

/** An officer's decision on a case. Wire values: APPROVE = `approve`, REJECT = `reject`. */
export type CaseDecision = 'APPROVE' | 'REJECT';

/** Events pushed to the country's case systems, each sent as the CloudEvents type `org.ots.case.<wire value>.v1`. Wire values: APPLICATION_RECEIVED = `application-received`, EVIDENCE_REQUESTED = `evidence-requested`, EVIDENCE_ANSWERED = `evidence-answered`, DECISION_MADE = `decision-made`, PERMIT_ISSUED = `permit-issued`, TAX_CERTIFICATE_RECEIVED = `tax-certificate-received`, TAXPAYER_CHECK_ANSWERED = `taxpayer-check-answered`. */
export type CaseEventType =
  | 'APPLICATION_RECEIVED'
  | 'DECISION_MADE'
  | 'EVIDENCE_ANSWERED'
  | 'EVIDENCE_REQUESTED'
  | 'PERMIT_ISSUED'
  | 'TAXPAYER_CHECK_ANSWERED'
  | 'TAX_CERTIFICATE_RECEIVED';

/** Where a cross-border application stands, the same at the home node and at the destination. Wire values: SUBMITTED = `submitted`, UNDER_REVIEW = `under-review`, EVIDENCE_REQUESTED = `evidence-requested`, APPROVED = `approved`, REJECTED = `rejected`, WITHDRAWN = `withdrawn`, UNDELIVERED = `undelivered`. */
export type CaseStatus = 'APPROVED' | 'EVIDENCE_REQUESTED' | 'REJECTED' | 'SUBMITTED' | 'UNDELIVERED' | 'UNDER_REVIEW' | 'WITHDRAWN';

/** OK, WARN (look soon) or FAIL (act now); `fedctl doctor` exits 1 on any FAIL. Wire values: OK = `ok`, WARN = `warn`, FAIL = `fail`. */
export type CheckStatus = 'FAIL' | 'OK' | 'WARN';

/** Member states and observers run the same node. Wire values: MEMBER = `member`, OBSERVER = `observer`. */
export type CountryRole = 'MEMBER' | 'OBSERVER';

/** docs/protocol section 4 `doc_type` values. Wire values: IDENTITY_ATTESTATION = `identity-attestation`, RESIDENCE_PERMIT = `residence-permit`, TAX_RESIDENCE_CERTIFICATE = `tax-residence-certificate`, CRIMINAL_RECORD_CERTIFICATE = `criminal-record-certificate`, INCOME_STATEMENT = `income-statement`, BUSINESS_REGISTRATION = `business-registration`, APPLICATION_RECEIPT = `application-receipt`. */
export type DocType =
  | 'APPLICATION_RECEIPT'
  | 'BUSINESS_REGISTRATION'
  | 'CRIMINAL_RECORD_CERTIFICATE'
  | 'IDENTITY_ATTESTATION'
  | 'INCOME_STATEMENT'
  | 'RESIDENCE_PERMIT'
  | 'TAX_RESIDENCE_CERTIFICATE';

/** AUTO_ANSWERED: within the recorded consent; APPROVED or REFUSED by the citizen; ANSWERED: the evidence arrived. Wire values: PENDING = `pending`, AUTO_ANSWERED = `auto-answered`, APPROVED = `approved`, REFUSED = `refused`, ANSWERED = `answered`. */
export type EvidenceRequestStatus = 'ANSWERED' | 'APPROVED' | 'AUTO_ANSWERED' | 'PENDING' | 'REFUSED';

export type IssueDocumentInput = {
  /** The document content (a JSON object, at most 32 KiB). */
  claims: unknown;
  docType: DocType;
  /** Language of the human-readable claims. */
  lang: Language;
  /** Scheme-qualified subject, e.g. KZ:IIN:900101300123. */
  subject: string;
  validDays: number;
};

/** A new signer or encryption key to certify, or today's entity configuration or historical keys (revocations) to sign. Wire values: SIGNER = `signer`, ENCRYPTION = `encryption`, ENTITY_CONFIGURATION = `entity-configuration`, REVOCATION = `revocation`. */
export type KeyRequestKind = 'ENCRYPTION' | 'ENTITY_CONFIGURATION' | 'REVOCATION' | 'SIGNER';

/** COMPROMISED: everything the key signed is invalid; SUPERSEDED: what it signed before the revocation stays valid. Wire values: COMPROMISED = `compromised`, SUPERSEDED = `superseded`. */
export type KeyRevocationReason = 'COMPROMISED' | 'SUPERSEDED';

/** Whether a partner key is trusted. Wire values: ACTIVE = `active`, REVOKED = `revoked`. */
export type KeyStatus = 'ACTIVE' | 'REVOKED';

/** The nine federation languages (ISO 639-1). Wire values: KK = `kk`, RU = `ru`, TR = `tr`, KY = `ky`, UZ = `uz`, AZ = `az`, EN = `en`, HU = `hu`, TK = `tk`. */
export type Language = 'AZ' | 'EN' | 'HU' | 'KK' | 'KY' | 'RU' | 'TK' | 'TR' | 'UZ';

/** Where an outgoing message stands: PENDING (to be sent or retried), DELIVERED (receipted) or DEAD (retries exhausted). Wire values: PENDING = `pending`, DELIVERED = `delivered`, DEAD = `dead`. */
export type MessageStatus = 'DEAD' | 'DELIVERED' | 'PENDING';

/** docs/protocol section 6 `msg_type` values. Wire values: APPLICATION_SUBMIT = `application.submit`, APPLICATION_STATUS = `application.status`, APPLICATION_DECISION = `application.decision`, EVIDENCE_REQUEST = `evidence.request`, EVIDENCE_RESPONSE = `evidence.response`, TAX_RESIDENCE_CERTIFICATE = `tax.residence-certificate`, TAX_TIN_VERIFICATION = `tax.tin-verification`. */
export type MessageType =
  | 'APPLICATION_DECISION'
  | 'APPLICATION_STATUS'
  | 'APPLICATION_SUBMIT'
  | 'EVIDENCE_REQUEST'
  | 'EVIDENCE_RESPONSE'
  | 'TAX_RESIDENCE_CERTIFICATE'
  | 'TAX_TIN_VERIFICATION';

/** What a partner key is for. Wire values: ROOT = `root`, SIGNER = `signer`, ENCRYPTION = `encryption`. */
export type PartnerKeyKind = 'ENCRYPTION' | 'ROOT' | 'SIGNER';

/** PINNED, CONTINUITY: root keys; ANNOUNCED: certified in the last accepted entity configuration; REVOCATION: known only from one. Wire values: PINNED = `pinned`, CONTINUITY = `continuity`, ANNOUNCED = `announced`, REVOCATION = `revocation`. */
export type PartnerKeySource = 'ANNOUNCED' | 'CONTINUITY' | 'PINNED' | 'REVOCATION';

/** EXPIRED: certificate past its end; RETIRED: root no longer announced. Wire values: ACTIVE = `active`, REVOKED = `revoked`, EXPIRED = `expired`, RETIRED = `retired`. */
export type PartnerKeyStatus = 'ACTIVE' | 'EXPIRED' | 'RETIRED' | 'REVOKED';

export type RevokePartnerKeyInput = {
  country: string;
  reason: KeyRevocationReason;
  /** RFC 7638 thumbprint of a partner root or signer key. */
  thumbprint: string;
};

/** PENDING until the partner answers, then ANSWERED. Wire values: PENDING = `pending`, ANSWERED = `answered`. */
export type TaxpayerCheckStatus = 'ANSWERED' | 'PENDING';

/** PINNED by thumbprint, accepted by key CONTINUITY, or a SIGNER key known because it was revoked. Wire values: PINNED = `pinned`, CONTINUITY = `continuity`, SIGNER = `signer`. */
export type TrustAnchorKeySource = 'CONTINUITY' | 'PINNED' | 'SIGNER';

/** Whether this node trusts the partner now. Wire values: ACTIVE = `active`, SUSPENDED = `suspended`, REVOKED = `revoked`. */
export type TrustAnchorStatus = 'ACTIVE' | 'REVOKED' | 'SUSPENDED';

/** docs/protocol section 4: why a document verifies (OK) or not; exactly one per verdict. Wire values: OK = `OK`, MALFORMED = `MALFORMED`, UNSUPPORTED_ALG = `UNSUPPORTED_ALG`, BAD_TYPE = `BAD_TYPE`, UNTRUSTED_ISSUER = `UNTRUSTED_ISSUER`, BAD_CHAIN = `BAD_CHAIN`, UNKNOWN_KEY = `UNKNOWN_KEY`, BAD_SIGNATURE = `BAD_SIGNATURE`, EXPIRED = `EXPIRED`, NOT_YET_VALID = `NOT_YET_VALID`, KEY_REVOKED = `KEY_REVOKED`, DOCUMENT_REVOKED = `DOCUMENT_REVOKED`. */
export type VerificationReason =
  | 'BAD_CHAIN'
  | 'BAD_SIGNATURE'
  | 'BAD_TYPE'
  | 'DOCUMENT_REVOKED'
  | 'EXPIRED'
  | 'KEY_REVOKED'
  | 'MALFORMED'
  | 'NOT_YET_VALID'
  | 'OK'
  | 'UNKNOWN_KEY'
  | 'UNSUPPORTED_ALG'
  | 'UNTRUSTED_ISSUER';

export type AuditVerificationQueryVariables = Exact<{ [key: string]: never }>;

export type AuditVerificationQuery = {
  auditVerification: { entries: number; intact: boolean; firstBrokenSeq: number | null; problem: string | null };
};

export type RecordBackupMutationVariables = Exact<{
  input: BackupRecordInput;
}>;

export type RecordBackupMutation = { recordBackup: number };

export type ReloadConfigurationMutationVariables = Exact<{ [key: string]: never }>;

export type ReloadConfigurationMutation = {
  reloadConfiguration: { protocolVersion: string; countries: Array<{ code: string; role: CountryRole }> };
};

export type ConformanceDeliverMutationVariables = Exact<{
  message: string;
}>;

export type ConformanceDeliverMutation = { deliver: string };

export type ConformanceVerifyDocumentQueryVariables = Exact<{
  jws: string;
}>;

export type ConformanceVerifyDocumentQuery = { verifyDocument: { valid: boolean; reason: VerificationReason; statusChecked: boolean } };

export type ConformanceIssueDocumentMutationVariables = Exact<{
  input: IssueDocumentInput;
}>;

export type ConformanceIssueDocumentMutation = { issueDocument: { jws: string } };

export type ApplyAbroadMutationVariables = Exact<{
  input: ApplyAbroadInput;
  lang?: Language | null | undefined;
}>;

export type ApplyAbroadMutation = { applyAbroad: { id: string; documents: Array<{ docType: DocType }> } };

export type OutboxByStatusQueryVariables = Exact<{
  status: MessageStatus;
  first: number;
}>;

export type OutboxByStatusQuery = {
  outbox: { edges: Array<{ node: { jti: string; msgType: MessageType; receipt: string | null; status: MessageStatus } }> };
};

export type OfficerCasesQueryVariables = Exact<{ [key: string]: never }>;

export type OfficerCasesQuery = {
  cases: { edges: Array<{ node: { id: string; status: CaseStatus; documents: Array<{ docType: DocType; reason: VerificationReason }> } }> };
};

export type RequestEvidenceMutationVariables = Exact<{
  caseId: string;
  docType: DocType;
  lang?: Language | null | undefined;
}>;

export type RequestEvidenceMutation = { requestEvidence: { status: CaseStatus } };

export type PendingEvidenceRequestsQueryVariables = Exact<{ [key: string]: never }>;

export type PendingEvidenceRequestsQuery = { pendingEvidenceRequests: Array<{ id: string; preview: unknown }> };

export type AnswerEvidenceRequestMutationVariables = Exact<{
  id: string;
  approve: boolean;
}>;

export type AnswerEvidenceRequestMutation = { answerEvidenceRequest: { status: EvidenceRequestStatus } };

export type DecideCaseMutationVariables = Exact<{
  id: string;
  decision: CaseDecision;
  reason: string;
  lang?: Language | null | undefined;
}>;

export type DecideCaseMutation = { decideCase: { status: CaseStatus } };

export type MyApplicationsQueryVariables = Exact<{
  lang?: Language | null | undefined;
}>;

export type MyApplicationsQuery = {
  myApplications: { edges: Array<{ node: { id: string; status: CaseStatus; timeline: Array<{ label: string }> } }> };
};

export type MyDocumentsQueryVariables = Exact<{ [key: string]: never }>;

export type MyDocumentsQuery = {
  myDocuments: { edges: Array<{ node: { docType: DocType; verification: { reason: VerificationReason } } }> };
};

export type RequestTaxResidenceCertificateMutationVariables = Exact<{
  year: number;
  forCountry: string;
}>;

export type RequestTaxResidenceCertificateMutation = { requestTaxResidenceCertificate: { jti: string } };

export type ReceivedTaxCertificatesQueryVariables = Exact<{ [key: string]: never }>;

export type ReceivedTaxCertificatesQuery = {
  receivedTaxCertificates: { edges: Array<{ node: { jti: string; subject: string; taxYear: number } }> };
};

export type VerifyTaxpayerMutationVariables = Exact<{
  country: string;
  tin: string;
}>;

export type VerifyTaxpayerMutation = { verifyTaxpayer: { status: TaxpayerCheckStatus; valid: boolean | null; resident: boolean | null } };

export type DiagnosticsQueryVariables = Exact<{ [key: string]: never }>;

export type DiagnosticsQuery = {
  diagnostics: Array<{ check: string; status: CheckStatus; subject: string | null; value: number | null; detail: string | null }>;
};

export type CaseEventSubscribersQueryVariables = Exact<{ [key: string]: never }>;

export type CaseEventSubscribersQuery = {
  caseEventSubscribers: Array<{
    name: string;
    url: string;
    types: Array<CaseEventType>;
    timeoutMs: number;
    maxAttempts: number;
    pending: number;
    delivered: number;
    dead: number;
    lastError: string | null;
    lastDeliveredAt: string | null;
  }>;
};

export type RetryCaseEventsMutationVariables = Exact<{
  subscriber: string;
  eventId?: string | null | undefined;
}>;

export type RetryCaseEventsMutation = { retryCaseEvents: number };

export type IssueProofDocumentMutationVariables = Exact<{
  input: IssueDocumentInput;
}>;

export type IssueProofDocumentMutation = { issueDocument: { jws: string; jti: string } };

export type RevokeProofDocumentMutationVariables = Exact<{
  jti: string;
  reason: string;
}>;

export type RevokeProofDocumentMutation = { revokeDocument: { jti: string } };

export type VerifyDocumentAtQueryVariables = Exact<{
  jws: string;
}>;

export type VerifyDocumentAtQuery = {
  verifyDocument: {
    valid: boolean;
    reason: VerificationReason;
    statusChecked: boolean;
    issuerCountry: string | null;
    documentType: DocType | null;
    subject: string | null;
    jti: string | null;
    issuedAt: string | null;
    expiresAt: string | null;
  };
};

export type RotateSignerKeyMutationVariables = Exact<{ [key: string]: never }>;

export type RotateSignerKeyMutation = { rotateSignerKey: string };

export type AddRootKeyMutationVariables = Exact<{ [key: string]: never }>;

export type AddRootKeyMutation = { addRootKey: string };

export type RetireRootKeyMutationVariables = Exact<{
  thumbprint: string;
}>;

export type RetireRootKeyMutation = { retireRootKey: string };

export type ExportRootKeyMutationVariables = Exact<{ [key: string]: never }>;

export type ExportRootKeyMutation = { exportRootKey: string };

export type KeyRequestMutationVariables = Exact<{
  kind: KeyRequestKind;
}>;

export type KeyRequestMutation = { keyRequest: string };

export type ImportKeyResponseMutationVariables = Exact<{
  response: string;
}>;

export type ImportKeyResponseMutation = { importKeyResponse: string };

export type NodeIdentityQueryVariables = Exact<{ [key: string]: never }>;

export type NodeIdentityQuery = { node: { country: string; rootKeyThumbprints: Array<string> } };

export type AnchorFieldsFragment = {
  country: string;
  status: TrustAnchorStatus;
  baseUrl: string;
  servicesAllowed: Array<string> | null;
  refreshedAt: string;
  keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
};

export type TrustAnchorsQueryVariables = Exact<{ [key: string]: never }>;

export type TrustAnchorsQuery = {
  trustAnchors: Array<{
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  }>;
};

export type TrustAnchorsExportQueryVariables = Exact<{ [key: string]: never }>;

export type TrustAnchorsExportQuery = { trustAnchorsExport: unknown };

export type PartnerKeysQueryVariables = Exact<{
  country: string;
}>;

export type PartnerKeysQuery = {
  partnerKeys: Array<{
    thumbprint: string;
    kind: PartnerKeyKind;
    source: PartnerKeySource;
    status: PartnerKeyStatus;
    validFrom: string | null;
    validTo: string | null;
    revokedAt: string | null;
    revocationReason: KeyRevocationReason | null;
  }>;
};

export type AddTrustAnchorMutationVariables = Exact<{
  input: AddTrustAnchorInput;
}>;

export type AddTrustAnchorMutation = {
  addTrustAnchor: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type SuspendTrustAnchorMutationVariables = Exact<{
  country: string;
}>;

export type SuspendTrustAnchorMutation = {
  suspendTrustAnchor: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type ReactivateTrustAnchorMutationVariables = Exact<{
  country: string;
}>;

export type ReactivateTrustAnchorMutation = {
  reactivateTrustAnchor: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type RevokeTrustAnchorMutationVariables = Exact<{
  country: string;
}>;

export type RevokeTrustAnchorMutation = {
  revokeTrustAnchor: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type RefreshTrustAnchorMutationVariables = Exact<{
  country: string;
}>;

export type RefreshTrustAnchorMutation = {
  refreshTrustAnchor: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type RevokePartnerKeyMutationVariables = Exact<{
  input: RevokePartnerKeyInput;
}>;

export type RevokePartnerKeyMutation = {
  revokePartnerKey: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export type RestrictPartnerServicesMutationVariables = Exact<{
  country: string;
  services?: Array<string> | string | null | undefined;
}>;

export type RestrictPartnerServicesMutation = {
  restrictPartnerServices: {
    country: string;
    status: TrustAnchorStatus;
    baseUrl: string;
    servicesAllowed: Array<string> | null;
    refreshedAt: string;
    keys: Array<{ thumbprint: string; source: TrustAnchorKeySource; status: KeyStatus; revocationReason: KeyRevocationReason | null }>;
  };
};

export const AnchorFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AnchorFieldsFragment, unknown>;
export const AuditVerificationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AuditVerification' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditVerification' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'entries' } },
                { kind: 'Field', name: { kind: 'Name', value: 'intact' } },
                { kind: 'Field', name: { kind: 'Name', value: 'firstBrokenSeq' } },
                { kind: 'Field', name: { kind: 'Name', value: 'problem' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AuditVerificationQuery, AuditVerificationQueryVariables>;
export const RecordBackupDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordBackup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupRecordInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordBackup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordBackupMutation, RecordBackupMutationVariables>;
export const ReloadConfigurationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReloadConfiguration' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reloadConfiguration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'protocolVersion' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'countries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReloadConfigurationMutation, ReloadConfigurationMutationVariables>;
export const ConformanceDeliverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConformanceDeliver' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'message' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deliver' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'message' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'message' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConformanceDeliverMutation, ConformanceDeliverMutationVariables>;
export const ConformanceVerifyDocumentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConformanceVerifyDocument' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jws' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyDocument' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'jws' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'jws' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusChecked' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConformanceVerifyDocumentQuery, ConformanceVerifyDocumentQueryVariables>;
export const ConformanceIssueDocumentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConformanceIssueDocument' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'IssueDocumentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issueDocument' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'jws' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConformanceIssueDocumentMutation, ConformanceIssueDocumentMutationVariables>;
export const ApplyAbroadDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ApplyAbroad' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApplyAbroadInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Language' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'applyAbroad' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'lang' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'documents' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'docType' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApplyAbroadMutation, ApplyAbroadMutationVariables>;
export const OutboxByStatusDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OutboxByStatus' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MessageStatus' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outbox' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'status' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'msgType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'receipt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OutboxByStatusQuery, OutboxByStatusQueryVariables>;
export const OfficerCasesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OfficerCases' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cases' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'documents' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'docType' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OfficerCasesQuery, OfficerCasesQueryVariables>;
export const RequestEvidenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestEvidence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'docType' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DocType' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Language' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestEvidence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'docType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'docType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'lang' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'status' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestEvidenceMutation, RequestEvidenceMutationVariables>;
export const PendingEvidenceRequestsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PendingEvidenceRequests' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pendingEvidenceRequests' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'preview' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PendingEvidenceRequestsQuery, PendingEvidenceRequestsQueryVariables>;
export const AnswerEvidenceRequestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AnswerEvidenceRequest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'approve' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answerEvidenceRequest' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'approve' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'approve' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'status' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AnswerEvidenceRequestMutation, AnswerEvidenceRequestMutationVariables>;
export const DecideCaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DecideCase' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'decision' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseDecision' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Language' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'decideCase' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'decision' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'decision' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'lang' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'status' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DecideCaseMutation, DecideCaseMutationVariables>;
export const MyApplicationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyApplications' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Language' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myApplications' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'lang' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'lang' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'timeline' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'label' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const MyDocumentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyDocuments' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myDocuments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'docType' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'verification' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'reason' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyDocumentsQuery, MyDocumentsQueryVariables>;
export const RequestTaxResidenceCertificateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestTaxResidenceCertificate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'forCountry' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestTaxResidenceCertificate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'year' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'forCountry' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'forCountry' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'jti' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestTaxResidenceCertificateMutation, RequestTaxResidenceCertificateMutationVariables>;
export const ReceivedTaxCertificatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReceivedTaxCertificates' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'receivedTaxCertificates' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'subject' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'taxYear' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReceivedTaxCertificatesQuery, ReceivedTaxCertificatesQueryVariables>;
export const VerifyTaxpayerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'VerifyTaxpayer' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'tin' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyTaxpayer' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'tin' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'tin' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'resident' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyTaxpayerMutation, VerifyTaxpayerMutationVariables>;
export const DiagnosticsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Diagnostics' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'diagnostics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'check' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'subject' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                { kind: 'Field', name: { kind: 'Name', value: 'detail' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DiagnosticsQuery, DiagnosticsQueryVariables>;
export const CaseEventSubscribersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CaseEventSubscribers' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'caseEventSubscribers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'types' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timeoutMs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maxAttempts' } },
                { kind: 'Field', name: { kind: 'Name', value: 'pending' } },
                { kind: 'Field', name: { kind: 'Name', value: 'delivered' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dead' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseEventSubscribersQuery, CaseEventSubscribersQueryVariables>;
export const RetryCaseEventsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RetryCaseEvents' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'subscriber' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'eventId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'retryCaseEvents' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'subscriber' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'subscriber' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'eventId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'eventId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RetryCaseEventsMutation, RetryCaseEventsMutationVariables>;
export const IssueProofDocumentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'IssueProofDocument' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'IssueDocumentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issueDocument' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jws' } },
                { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueProofDocumentMutation, IssueProofDocumentMutationVariables>;
export const RevokeProofDocumentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeProofDocument' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jti' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeDocument' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'jti' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'jti' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'jti' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeProofDocumentMutation, RevokeProofDocumentMutationVariables>;
export const VerifyDocumentAtDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VerifyDocumentAt' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jws' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyDocument' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'jws' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'jws' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusChecked' } },
                { kind: 'Field', name: { kind: 'Name', value: 'issuerCountry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'documentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'subject' } },
                { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                { kind: 'Field', name: { kind: 'Name', value: 'issuedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyDocumentAtQuery, VerifyDocumentAtQueryVariables>;
export const RotateSignerKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RotateSignerKey' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'rotateSignerKey' } }] },
    },
  ],
} as unknown as DocumentNode<RotateSignerKeyMutation, RotateSignerKeyMutationVariables>;
export const AddRootKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddRootKey' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'addRootKey' } }] },
    },
  ],
} as unknown as DocumentNode<AddRootKeyMutation, AddRootKeyMutationVariables>;
export const RetireRootKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RetireRootKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'thumbprint' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'retireRootKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'thumbprint' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'thumbprint' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RetireRootKeyMutation, RetireRootKeyMutationVariables>;
export const ExportRootKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ExportRootKey' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'exportRootKey' } }] },
    },
  ],
} as unknown as DocumentNode<ExportRootKeyMutation, ExportRootKeyMutationVariables>;
export const KeyRequestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'KeyRequest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'KeyRequestKind' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keyRequest' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<KeyRequestMutation, KeyRequestMutationVariables>;
export const ImportKeyResponseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ImportKeyResponse' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'response' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importKeyResponse' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'response' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'response' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ImportKeyResponseMutation, ImportKeyResponseMutationVariables>;
export const NodeIdentityDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'NodeIdentity' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'node' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rootKeyThumbprints' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NodeIdentityQuery, NodeIdentityQueryVariables>;
export const TrustAnchorsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TrustAnchors' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trustAnchors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrustAnchorsQuery, TrustAnchorsQueryVariables>;
export const TrustAnchorsExportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TrustAnchorsExport' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'trustAnchorsExport' } }] },
    },
  ],
} as unknown as DocumentNode<TrustAnchorsExportQuery, TrustAnchorsExportQueryVariables>;
export const PartnerKeysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PartnerKeys' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'partnerKeys' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PartnerKeysQuery, PartnerKeysQueryVariables>;
export const AddTrustAnchorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddTrustAnchor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AddTrustAnchorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addTrustAnchor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddTrustAnchorMutation, AddTrustAnchorMutationVariables>;
export const SuspendTrustAnchorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SuspendTrustAnchor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'suspendTrustAnchor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SuspendTrustAnchorMutation, SuspendTrustAnchorMutationVariables>;
export const ReactivateTrustAnchorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReactivateTrustAnchor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reactivateTrustAnchor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReactivateTrustAnchorMutation, ReactivateTrustAnchorMutationVariables>;
export const RevokeTrustAnchorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeTrustAnchor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeTrustAnchor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeTrustAnchorMutation, RevokeTrustAnchorMutationVariables>;
export const RefreshTrustAnchorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RefreshTrustAnchor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'refreshTrustAnchor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RefreshTrustAnchorMutation, RefreshTrustAnchorMutationVariables>;
export const RevokePartnerKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokePartnerKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RevokePartnerKeyInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokePartnerKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokePartnerKeyMutation, RevokePartnerKeyMutationVariables>;
export const RestrictPartnerServicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RestrictPartnerServices' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'services' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'restrictPartnerServices' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'country' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'country' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'services' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'services' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AnchorFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AnchorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustAnchor' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'country' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RestrictPartnerServicesMutation, RestrictPartnerServicesMutationVariables>;
