import type { DocType } from '@ots/jws';

export { DOC_TYPES, type DocType } from '@ots/jws';

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
