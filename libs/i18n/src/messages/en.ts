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
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
