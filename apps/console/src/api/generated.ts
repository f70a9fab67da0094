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

/** Who a service is for. Wire values: CITIZEN = `citizen`, FOREIGN_CITIZEN = `foreign-citizen`, BUSINESS = `business`. */
export type Audience = 'BUSINESS' | 'CITIZEN' | 'FOREIGN_CITIZEN';

/** An officer's decision on a case. Wire values: APPROVE = `approve`, REJECT = `reject`. */
export type CaseDecision = 'APPROVE' | 'REJECT';

/** Where a cross-border application stands, the same at the home node and at the destination. Wire values: SUBMITTED = `submitted`, UNDER_REVIEW = `under-review`, EVIDENCE_REQUESTED = `evidence-requested`, APPROVED = `approved`, REJECTED = `rejected`, WITHDRAWN = `withdrawn`, UNDELIVERED = `undelivered`. */
export type CaseStatus = 'APPROVED' | 'EVIDENCE_REQUESTED' | 'REJECTED' | 'SUBMITTED' | 'UNDELIVERED' | 'UNDER_REVIEW' | 'WITHDRAWN';

/** OK, WARN (look soon) or FAIL (act now); `fedctl doctor` exits 1 on any FAIL. Wire values: OK = `ok`, WARN = `warn`, FAIL = `fail`. */
export type CheckStatus = 'FAIL' | 'OK' | 'WARN';

/** docs/protocol section 4 `doc_type` values. Wire values: IDENTITY_ATTESTATION = `identity-attestation`, RESIDENCE_PERMIT = `residence-permit`, TAX_RESIDENCE_CERTIFICATE = `tax-residence-certificate`, CRIMINAL_RECORD_CERTIFICATE = `criminal-record-certificate`, INCOME_STATEMENT = `income-statement`, BUSINESS_REGISTRATION = `business-registration`, APPLICATION_RECEIPT = `application-receipt`. */
export type DocType =
  | 'APPLICATION_RECEIPT'
  | 'BUSINESS_REGISTRATION'
  | 'CRIMINAL_RECORD_CERTIFICATE'
  | 'IDENTITY_ATTESTATION'
  | 'INCOME_STATEMENT'
  | 'RESIDENCE_PERMIT'
  | 'TAX_RESIDENCE_CERTIFICATE';

/** A change of own keys an admin can preview: ROTATE_SIGNER (rotateSignerKey), ADD_ROOT (addRootKey), RETIRE_ROOT (retireRootKey). Wire values: ROTATE_SIGNER = `rotate-signer`, ADD_ROOT = `add-root`, RETIRE_ROOT = `retire-root`. */
export type KeyChange = 'ADD_ROOT' | 'RETIRE_ROOT' | 'ROTATE_SIGNER';

/** Why the change would be refused: two roots are active already, the root is the only one, or it is not an active root. Wire values: TWO_ROOTS_ACTIVE = `two-roots-active`, ONLY_ROOT = `only-root`, NOT_AN_ACTIVE_ROOT = `not-an-active-root`. */
export type KeyChangeBlock = 'NOT_AN_ACTIVE_ROOT' | 'ONLY_ROOT' | 'TWO_ROOTS_ACTIVE';

/** COMPROMISED: everything the key signed is invalid; SUPERSEDED: what it signed before the revocation stays valid. Wire values: COMPROMISED = `compromised`, SUPERSEDED = `superseded`. */
export type KeyRevocationReason = 'COMPROMISED' | 'SUPERSEDED';

/** Whether a partner key is trusted. Wire values: ACTIVE = `active`, REVOKED = `revoked`. */
export type KeyStatus = 'ACTIVE' | 'REVOKED';

/** The nine federation languages (ISO 639-1). Wire values: KK = `kk`, RU = `ru`, TR = `tr`, KY = `ky`, UZ = `uz`, AZ = `az`, EN = `en`, HU = `hu`, TK = `tk`. */
export type Language = 'AZ' | 'EN' | 'HU' | 'KK' | 'KY' | 'RU' | 'TK' | 'TR' | 'UZ';

/** The life events services are found by (names: `lifeEvents`). Wire values: MOVING_ABROAD = `moving-abroad`, STARTING_WORK = `starting-work`, STARTING_BUSINESS = `starting-business`, HAVING_A_CHILD = `having-a-child`, GETTING_MARRIED = `getting-married`, STUDYING_ABROAD = `studying-abroad`, RETIRING = `retiring`, BUYING_PROPERTY = `buying-property`, OWNING_A_VEHICLE = `owning-a-vehicle`, PAYING_TAXES = `paying-taxes`, FALLING_ILL = `falling-ill`. */
export type LifeEvent =
  | 'BUYING_PROPERTY'
  | 'FALLING_ILL'
  | 'GETTING_MARRIED'
  | 'HAVING_A_CHILD'
  | 'MOVING_ABROAD'
  | 'OWNING_A_VEHICLE'
  | 'PAYING_TAXES'
  | 'RETIRING'
  | 'STARTING_BUSINESS'
  | 'STARTING_WORK'
  | 'STUDYING_ABROAD';

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

/** How far a service can be used online. Wire values: INFORMATION = `information`, INTERACTIVE = `interactive`, TRANSACTION = `transaction`, PROACTIVE = `proactive`. */
export type OnlineLevel = 'INFORMATION' | 'INTERACTIVE' | 'PROACTIVE' | 'TRANSACTION';

/** What one of this node's keys is for: the offline ROOT, the SIGNER of documents and messages, ENCRYPTION of messages to it, the transparency LOG. Wire values: ROOT = `root`, SIGNER = `signer`, ENCRYPTION = `encryption`, LOG = `log`. */
export type OwnKeyKind = 'ENCRYPTION' | 'LOG' | 'ROOT' | 'SIGNER';

export type RevokePartnerKeyInput = {
  country: string;
  reason: KeyRevocationReason;
  /** RFC 7638 thumbprint of a partner root or signer key. */
  thumbprint: string;
};

/** The catalog categories (names: `categories`). Wire values: FAMILY = `family`, HEALTH = `health`, EDUCATION = `education`, EMPLOYMENT = `employment`, SOCIAL_SECURITY = `social-security`, CITIZENSHIP_MIGRATION = `citizenship-migration`, REAL_ESTATE = `real-estate`, TAX_FINANCE = `tax-finance`, BUSINESS = `business`, TRANSPORT = `transport`. */
export type ServiceCategory =
  | 'BUSINESS'
  | 'CITIZENSHIP_MIGRATION'
  | 'EDUCATION'
  | 'EMPLOYMENT'
  | 'FAMILY'
  | 'HEALTH'
  | 'REAL_ESTATE'
  | 'SOCIAL_SECURITY'
  | 'TAX_FINANCE'
  | 'TRANSPORT';

/** PENDING until the partner answers, then ANSWERED. Wire values: PENDING = `pending`, ANSWERED = `answered`. */
export type TaxpayerCheckStatus = 'ANSWERED' | 'PENDING';

/** INCONSISTENT: a checkpoint not consistent with the last one seen; SAME_SIZE_FORK: two roots for one size; OWN_LOG_FORK: this node's own log shown otherwise to a partner. Wire values: INCONSISTENT = `inconsistent`, SAME_SIZE_FORK = `same-size-fork`, OWN_LOG_FORK = `own-log-fork`. */
export type TransparencyAlarmKind = 'INCONSISTENT' | 'OWN_LOG_FORK' | 'SAME_SIZE_FORK';

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

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;

export type AuditLogQuery = {
  auditLog: {
    edges: Array<{ node: { seq: number; at: string; actor: string; action: string; subject: string; details: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

export type AuditVerificationQueryVariables = Exact<{ [key: string]: never }>;

export type AuditVerificationQuery = {
  auditVerification: { intact: boolean; entries: number; firstBrokenSeq: number | null; problem: string | null };
};

export type CasesQueryVariables = Exact<{
  status?: CaseStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  lang?: Language | null | undefined;
}>;

export type CasesQuery = {
  cases: {
    edges: Array<{
      node: {
        id: string;
        serviceCode: string;
        homeCountry: string;
        applicant: string;
        status: CaseStatus;
        statusLabel: string;
        createdAt: string;
        decisionReason: string | null;
        documents: Array<{ docType: DocType; jti: string; reason: VerificationReason }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

export type DecideCaseMutationVariables = Exact<{
  id: string;
  decision: CaseDecision;
  reason: string;
  lang?: Language | null | undefined;
}>;

export type DecideCaseMutation = { decideCase: { id: string; status: CaseStatus; statusLabel: string; decisionReason: string | null } };

export type RequestEvidenceMutationVariables = Exact<{
  caseId: string;
  docType: DocType;
  lang?: Language | null | undefined;
}>;

export type RequestEvidenceMutation = { requestEvidence: { id: string; status: CaseStatus; statusLabel: string } };

export type DiagnosticsQueryVariables = Exact<{ [key: string]: never }>;

export type DiagnosticsQuery = {
  diagnostics: Array<{ check: string; status: CheckStatus; subject: string | null; value: number | null; detail: string | null }>;
};

export type FederationOverviewQueryVariables = Exact<{ [key: string]: never }>;

export type FederationOverviewQuery = {
  federationOverview: {
    country: string;
    publicBaseUrl: string;
    inboundReceived: number;
    outbound: { pending: number; delivered: number; dead: number };
    partners: Array<{
      country: string;
      baseUrl: string;
      trustStatus: TrustAnchorStatus;
      refreshedAt: string;
      reachable: boolean;
      clockDifferenceSeconds: number | null;
      inboundReceived: number;
      outbound: { pending: number; delivered: number; dead: number };
    }>;
  };
};

export type OwnKeysQueryVariables = Exact<{ [key: string]: never }>;

export type OwnKeysQuery = {
  ownKeys: Array<{
    kind: OwnKeyKind;
    thumbprint: string;
    createdAt: string;
    retiredAt: string | null;
    validTo: string | null;
    daysLeft: number | null;
  }>;
};

export type KeyChangePreviewQueryVariables = Exact<{
  change: KeyChange;
  rootThumbprint?: string | null | undefined;
}>;

export type KeyChangePreviewQuery = {
  keyChangePreview: {
    change: KeyChange;
    blockedBy: KeyChangeBlock | null;
    rootsKept: Array<string>;
    signedBy: string;
    added: Array<{
      kind: OwnKeyKind;
      thumbprint: string | null;
      validFrom: string | null;
      validTo: string | null;
      certifiedBy: string | null;
    }>;
    retiring: Array<{ kind: OwnKeyKind; thumbprint: string | null; validTo: string | null }>;
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

export type OutboxQueryVariables = Exact<{
  status?: MessageStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;

export type OutboxQuery = {
  outbox: {
    edges: Array<{
      node: {
        id: string;
        recipient: string;
        msgType: MessageType;
        jti: string;
        status: MessageStatus;
        attempts: number;
        nextAttemptAt: string;
        lastError: string | null;
        createdAt: string;
        deliveredAt: string | null;
        receipt: string | null;
        envelopeHeader: {
          typ: string;
          alg: string;
          kid: string;
          iss: string;
          aud: string;
          jti: string;
          issuedAt: string;
          expiresAt: string;
          msgType: MessageType;
        } | null;
        receiptClaims: {
          typ: string;
          kid: string;
          iss: string;
          aud: string;
          jti: string;
          issuedAt: string;
          msgJti: string;
          msgSha256: string;
        } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

export type InboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;

export type InboxQuery = {
  inbox: {
    edges: Array<{
      node: {
        sender: string;
        jti: string;
        msgType: MessageType;
        receivedAt: string;
        receiptClaims: {
          typ: string;
          kid: string;
          iss: string;
          aud: string;
          jti: string;
          issuedAt: string;
          msgJti: string;
          msgSha256: string;
        };
      };
    }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

export type RetryMessageMutationVariables = Exact<{
  id: string;
}>;

export type RetryMessageMutation = { retryMessage: { id: string; status: MessageStatus } };

export type ServicesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  lang?: Language | null | undefined;
}>;

export type ServicesQuery = {
  services: {
    edges: Array<{ node: { code: string; name: string; category: ServiceCategory } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ServiceForEditQueryVariables = Exact<{
  code: string;
}>;

export type ServiceForEditQuery = {
  service: {
    code: string;
    category: ServiceCategory;
    lifeEvents: Array<LifeEvent>;
    audiences: Array<Audience>;
    crossBorder: Array<string>;
    requiredEvidence: Array<DocType>;
    processingDays: number;
    legalBasis: string;
    onlineLevel: OnlineLevel;
    responsibleAuthority: string;
    form: unknown;
    retired: boolean;
    fee: { amount: number; currency: string };
    translations: Array<{ language: Language; name: string; description: string }>;
  };
};

export type AddServiceMutationVariables = Exact<{
  definition: unknown;
  texts: unknown;
}>;

export type AddServiceMutation = { addService: { code: string } };

export type UpdateServiceMutationVariables = Exact<{
  code: string;
  definition: unknown;
  texts: unknown;
}>;

export type UpdateServiceMutation = { updateService: { code: string } };

export type RetireServiceMutationVariables = Exact<{
  code: string;
}>;

export type RetireServiceMutation = { retireService: { code: string; retired: boolean } };

export type TaxpayerChecksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;

export type TaxpayerChecksQuery = {
  taxpayerChecks: {
    edges: Array<{
      node: { requestId: string; country: string; status: TaxpayerCheckStatus; valid: boolean | null; resident: boolean | null };
    }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

export type VerifyTaxpayerMutationVariables = Exact<{
  country: string;
  tin: string;
}>;

export type VerifyTaxpayerMutation = {
  verifyTaxpayer: { requestId: string; country: string; status: TaxpayerCheckStatus; valid: boolean | null; resident: boolean | null };
};

export type OpenTransparencyAlarmsQueryVariables = Exact<{ [key: string]: never }>;

export type OpenTransparencyAlarmsQuery = {
  transparencyAlarms: { edges: Array<{ node: { id: string; country: string; kind: TransparencyAlarmKind; raisedAt: string } }> };
};

export type TrustAnchorsQueryVariables = Exact<{ [key: string]: never }>;

export type TrustAnchorsQuery = {
  trustAnchors: Array<{
    country: string;
    baseUrl: string;
    status: TrustAnchorStatus;
    refreshedAt: string;
    servicesAllowed: Array<string> | null;
    keys: Array<{
      thumbprint: string;
      source: TrustAnchorKeySource;
      status: KeyStatus;
      revokedAt: string | null;
      revocationReason: KeyRevocationReason | null;
    }>;
  }>;
};

export type InspectPartnerQueryVariables = Exact<{
  baseUrl: string;
}>;

export type InspectPartnerQuery = {
  inspectPartner: {
    country: string;
    baseUrl: string;
    rootKeyThumbprints: Array<string>;
    signedBy: string;
    expiresAt: string;
    trustStatus: TrustAnchorStatus | null;
  };
};

export type PinPartnerMutationVariables = Exact<{
  input: AddTrustAnchorInput;
}>;

export type PinPartnerMutation = { addTrustAnchor: { country: string; status: TrustAnchorStatus } };

export type SuspendPartnerMutationVariables = Exact<{
  country: string;
}>;

export type SuspendPartnerMutation = { suspendTrustAnchor: { country: string; status: TrustAnchorStatus } };

export type ReactivatePartnerMutationVariables = Exact<{
  country: string;
}>;

export type ReactivatePartnerMutation = { reactivateTrustAnchor: { country: string; status: TrustAnchorStatus } };

export type RevokePartnerMutationVariables = Exact<{
  country: string;
}>;

export type RevokePartnerMutation = { revokeTrustAnchor: { country: string; status: TrustAnchorStatus } };

export type RevokePartnerKeyMutationVariables = Exact<{
  input: RevokePartnerKeyInput;
}>;

export type RevokePartnerKeyMutation = { revokePartnerKey: { country: string; status: TrustAnchorStatus } };

export type RestrictPartnerServicesMutationVariables = Exact<{
  country: string;
  services?: Array<string> | string | null | undefined;
}>;

export type RestrictPartnerServicesMutation = { restrictPartnerServices: { country: string; servicesAllowed: Array<string> | null } };

export const AuditLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AuditLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'last' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'seq' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'subject' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'details' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasPreviousPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
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
                { kind: 'Field', name: { kind: 'Name', value: 'intact' } },
                { kind: 'Field', name: { kind: 'Name', value: 'entries' } },
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
export const CasesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Cases' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseStatus' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
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
            name: { kind: 'Name', value: 'cases' },
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
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'last' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'serviceCode' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'homeCountry' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'applicant' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'statusLabel' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'decisionReason' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'documents' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'docType' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
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
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasPreviousPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<CasesQuery, CasesQueryVariables>;
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusLabel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'decisionReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DecideCaseMutation, DecideCaseMutationVariables>;
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusLabel' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestEvidenceMutation, RequestEvidenceMutationVariables>;
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
export const FederationOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FederationOverview' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'federationOverview' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publicBaseUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inboundReceived' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'outbound' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'pending' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'delivered' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dead' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'partners' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'trustStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reachable' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'clockDifferenceSeconds' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'inboundReceived' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'outbound' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'pending' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'delivered' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dead' } },
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
} as unknown as DocumentNode<FederationOverviewQuery, FederationOverviewQueryVariables>;
export const OwnKeysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OwnKeys' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'retiredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OwnKeysQuery, OwnKeysQueryVariables>;
export const KeyChangePreviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'KeyChangePreview' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'change' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'KeyChange' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'rootThumbprint' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'keyChangePreview' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'change' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'change' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'rootThumbprint' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'rootThumbprint' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'change' } },
                { kind: 'Field', name: { kind: 'Name', value: 'blockedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'added' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'certifiedBy' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'retiring' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'rootsKept' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedBy' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<KeyChangePreviewQuery, KeyChangePreviewQueryVariables>;
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
export const OutboxDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Outbox' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'MessageStatus' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
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
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'last' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'recipient' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'msgType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'receipt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'envelopeHeader' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'typ' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'alg' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'kid' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'iss' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'aud' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'issuedAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'msgType' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'receiptClaims' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'typ' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'kid' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'iss' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'aud' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'issuedAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'msgJti' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'msgSha256' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasPreviousPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<OutboxQuery, OutboxQueryVariables>;
export const InboxDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Inbox' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inbox' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'last' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'sender' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'msgType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'receivedAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'receiptClaims' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'typ' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'kid' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'iss' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'aud' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'jti' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'issuedAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'msgJti' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'msgSha256' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasPreviousPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const RetryMessageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RetryMessage' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'retryMessage' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RetryMessageMutation, RetryMessageMutationVariables>;
export const ServicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Services' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
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
            name: { kind: 'Name', value: 'services' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<ServicesQuery, ServicesQueryVariables>;
export const ServiceForEditDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ServiceForEdit' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'service' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lifeEvents' } },
                { kind: 'Field', name: { kind: 'Name', value: 'audiences' } },
                { kind: 'Field', name: { kind: 'Name', value: 'crossBorder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredEvidence' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'fee' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'processingDays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'legalBasis' } },
                { kind: 'Field', name: { kind: 'Name', value: 'onlineLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'responsibleAuthority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'form' } },
                { kind: 'Field', name: { kind: 'Name', value: 'retired' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'translations' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
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
} as unknown as DocumentNode<ServiceForEditQuery, ServiceForEditQueryVariables>;
export const AddServiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddService' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'definition' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'JSON' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'texts' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'JSON' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addService' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'definition' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'definition' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'texts' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'texts' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddServiceMutation, AddServiceMutationVariables>;
export const UpdateServiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateService' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'definition' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'JSON' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'texts' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'JSON' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateService' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'definition' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'definition' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'texts' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'texts' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const RetireServiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RetireService' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'retireService' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'retired' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RetireServiceMutation, RetireServiceMutationVariables>;
export const TaxpayerChecksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TaxpayerChecks' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'taxpayerChecks' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'last' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'last' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'requestId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'resident' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasPreviousPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
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
} as unknown as DocumentNode<TaxpayerChecksQuery, TaxpayerChecksQueryVariables>;
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
                { kind: 'Field', name: { kind: 'Name', value: 'requestId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
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
export const OpenTransparencyAlarmsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OpenTransparencyAlarms' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'transparencyAlarms' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '20' } }],
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
                            { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'raisedAt' } },
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
} as unknown as DocumentNode<OpenTransparencyAlarmsQuery, OpenTransparencyAlarmsQueryVariables>;
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refreshedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'keys' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'thumbprint' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revocationReason' } },
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
} as unknown as DocumentNode<TrustAnchorsQuery, TrustAnchorsQueryVariables>;
export const InspectPartnerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'InspectPartner' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'baseUrl' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inspectPartner' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'baseUrl' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'baseUrl' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'baseUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rootKeyThumbprints' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'trustStatus' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InspectPartnerQuery, InspectPartnerQueryVariables>;
export const PinPartnerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PinPartner' },
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PinPartnerMutation, PinPartnerMutationVariables>;
export const SuspendPartnerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SuspendPartner' },
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SuspendPartnerMutation, SuspendPartnerMutationVariables>;
export const ReactivatePartnerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReactivatePartner' },
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReactivatePartnerMutation, ReactivatePartnerMutationVariables>;
export const RevokePartnerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokePartner' },
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokePartnerMutation, RevokePartnerMutationVariables>;
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
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
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                { kind: 'Field', name: { kind: 'Name', value: 'servicesAllowed' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RestrictPartnerServicesMutation, RestrictPartnerServicesMutationVariables>;
