import { z } from 'zod';
import type { DocType } from './document-types.js';

const name = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code in upper case');
const subject = z.string().regex(/^[A-Z]{2}:[A-Z0-9]{2,12}:[A-Za-z0-9._-]{1,64}$/, 'must be scheme-qualified, e.g. KZ:IIN:900101300123');

/**
 * The `claims` of each document type (docs/protocol/README.md section 4, docs/protocol/schemas/): the members an
 * issuer MUST put in and a verifier may rely on. Issuers MAY add members; verifiers ignore those they do not know,
 * so every schema is open. Types this node never issues fix no member yet. The published JSON Schemas are
 * generated from these (`npm run protocol:generate`); libs/applications/src/message-bodies.spec.ts checks that what
 * this node issues fits them.
 */
export const DOCUMENT_CLAIMS = {
  'identity-attestation': z.looseObject({
    givenName: name,
    familyName: name,
    birthDate: isoDate,
    citizenship: country,
    personId: subject,
  }),
  'residence-permit': z.looseObject({
    serviceCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{2,40}$/, 'must be a service code such as TR-RP-WORK'),
    permitType: z.string().min(1),
    applicationId: z.uuid(),
    validFrom: isoDate,
  }),
  'tax-residence-certificate': z.looseObject({
    givenName: name,
    familyName: name,
    tin: z.string().min(1).max(32),
    taxYear: z.number().int().min(1990),
    resident: z.boolean(),
    residentOf: country,
    issuedFor: country,
  }),
  'criminal-record-certificate': z.looseObject({
    givenName: name,
    familyName: name,
    criminalRecord: z.enum(['none', 'recorded']),
    checkedOn: isoDate,
  }),
  'income-statement': z.looseObject({
    givenName: name,
    familyName: name,
    year: z.number().int(),
    annualIncome: z.number().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code'),
  }),
  'business-registration': z.looseObject({}),
  'application-receipt': z.looseObject({}),
} as const satisfies Record<DocType, z.ZodType>;
