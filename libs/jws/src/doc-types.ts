/** docs/protocol section 4 `doc_type` values: a protocol constant every domain shares. */
export const DOC_TYPES = [
  'identity-attestation',
  'residence-permit',
  'tax-residence-certificate',
  'criminal-record-certificate',
  'income-statement',
  'business-registration',
  'application-receipt',
] as const;
export type DocType = (typeof DOC_TYPES)[number];
