/**
 * Error messages, keyed by the error's stable code. English is the source;
 * every other language file must have the same keys. `{{name}}` is filled
 * from the error's parameters.
 */
export const en = {
  BAD_INPUT: 'The request is not valid: {{detail}}',
  UNAUTHENTICATED: 'Sign in first: this operation needs a valid bearer token.',
  FORBIDDEN: 'Your role does not allow this operation.',
  NOT_FOUND: 'Not found: {{what}}.',
  INTERNAL: 'The node could not complete the request. Try again later.',
  CONFIG_INVALID: 'The configuration is not valid: {{detail}}',
  UNSUPPORTED_LANGUAGE: 'Language "{{lang}}" is not supported. Supported languages: {{supported}}.',
  UNKNOWN_COUNTRY: 'Country {{country}} is not part of the federation.',
  SELF_TRUST: 'A node does not add itself as a trusted partner.',
  THUMBPRINT_MISMATCH: 'The entity configuration of {{country}} is not signed by a pinned root key.',
  PARTNER_UNREACHABLE: 'The node of {{country}} could not be reached at {{url}}.',
  BAD_ENTITY_CONFIGURATION: 'The entity configuration of {{country}} was refused: {{reason}}.',
  GRAPHQL_VALIDATION_FAILED: 'The query is not valid for this schema.',
  TRUST_ANCHOR_NOT_FOUND: 'This node has no trust anchor for {{country}}.',
  TRUST_TRANSITION_REFUSED: 'The trust anchor of {{country}} cannot go from {{from}} to {{to}}.',
  DOCUMENT_NOT_FOUND: 'This node issued no document {{jti}}.',
  DOCUMENT_ALREADY_REVOKED: 'Document {{jti}} is already revoked.',
  BATCH_TOO_LARGE: 'At most {{max}} documents can be verified in one request; {{given}} were sent.',
  SERVICE_NOT_FOUND: 'There is no service {{code}} in this catalog.',
  SERVICE_EXISTS: 'Service {{code}} exists already.',
  INVALID_SERVICE: 'The service definition is not valid: {{detail}}',
  PAGE_TOO_LARGE: 'At most {{max}} items fit on one page.',
  BAD_CURSOR: 'The cursor does not belong to this list.',
  QUERY_TOO_DEEP: 'The query is nested {{depth}} levels deep; at most {{max}} are allowed.',
  QUERY_TOO_COMPLEX: 'The query would cost {{cost}}; at most {{max}} is allowed.',
  TOO_MANY_ALIASES: 'The query uses {{count}} aliases; at most {{max}} are allowed.',
  RATE_LIMITED: 'Too many requests. Try again in {{seconds}} seconds.',
  BODY_TOO_LARGE: 'The request body is larger than {{max}} bytes.',
  MESSAGE_UNDECRYPTABLE: 'The message could not be decrypted with any key of this node.',
  MESSAGE_TOO_LARGE: 'The message is too large.',
  MESSAGE_UNTRUSTED: 'The message is not signed by a trusted, unrevoked key of its sender.',
  MESSAGE_WRONG_AUDIENCE: 'The message is addressed to another node.',
  MESSAGE_EXPIRED: 'The message is outside its validity window.',
  MESSAGE_MALFORMED: 'The message is not a valid federation envelope.',
  MESSAGE_NOT_ACCEPTED: 'The message was received but not accepted: {{reason}}.',
  OUTBOX_MESSAGE_NOT_FOUND: 'There is no undelivered message {{id}}.',
  PARTNER_NOT_TRUSTED: '{{country}} is not an active trusted partner of this node.',
  APPLICATION_NOT_FOUND: 'There is no application {{id}} for you here.',
  ILLEGAL_TRANSITION: 'An application in status "{{from}}" cannot become "{{to}}".',
  FORM_INVALID: 'The application form is not valid: {{detail}}',
  SERVICE_NOT_OPEN: 'Service {{code}} of {{country}} is not open to citizens of {{home}} through the federation.',
  UNKNOWN_PERSON: 'This node has no records of {{subject}}.',
  NOT_RESIDENT: '{{subject}} was not a tax resident of {{country}} in {{year}}.',
  CONSENT_INVALID: 'The consent cannot be used: {{detail}}',
  EVIDENCE_REQUEST_NOT_FOUND: 'There is no pending evidence request {{id}} for you.',
  EVIDENCE_NOT_VERIFIED: 'An attached document did not verify: {{reason}}.',
  CASE_STATUS_submitted: 'Submitted',
  'CASE_STATUS_under-review': 'Under review',
  'CASE_STATUS_evidence-requested': 'Evidence requested',
  CASE_STATUS_approved: 'Approved',
  CASE_STATUS_rejected: 'Rejected',
  CASE_STATUS_withdrawn: 'Withdrawn',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** Another language's messages; a key it lacks falls back along the federation-config chain, and a test lists what is missing. */
export type Translations = Partial<Messages>;
