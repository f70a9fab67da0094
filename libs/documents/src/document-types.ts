/** PROTOCOL section 4 `doc_type` values. */
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

export const DOCUMENT_TYP = 'ots-doc+jwt';

export interface DocumentPayload {
  iss: string;
  sub: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  doc_type: DocType;
  lang: string;
  claims: Record<string, unknown>;
  status: { status_list: { idx: number; uri: string } };
}
