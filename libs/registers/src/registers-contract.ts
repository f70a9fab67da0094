import { z } from 'zod';
import type { components } from './registers-api.generated.js';

/*
 * The answers of docs/national-registers.openapi.yaml as zod schemas, which the HTTP adapter validates every answer
 * with. They are written by hand beside the generated types: `satisfies` below fails to compile when a schema and the
 * contract's type disagree, and registers-contract.spec.ts validates Prism's answers (examples and generated ones)
 * with them.
 */

const personId = z.string().regex(/^[A-Z]{2}:[A-Z]{2,12}:[A-Za-z0-9._-]{1,64}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.number().int().min(1990).max(2100);
const tin = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);

type Schemas = components['schemas'];
type Agrees<S extends z.ZodType, T> = z.infer<S> extends T ? (T extends z.infer<S> ? S : never) : never;

export const personSchema = z
  .object({
    personId,
    givenName: z.string().min(1).max(128),
    familyName: z.string().min(1).max(128),
    birthDate: date,
    citizenship: z.string().regex(/^[A-Z]{2}$/),
  })
  .strict();
export const taxpayerSchema = z.object({ tin, personId }).strict();
export const taxResidenceSchema = z.object({ personId, tin, year, resident: z.boolean() }).strict();
export const criminalRecordSchema = z.object({ personId, status: z.enum(['none', 'recorded']), checkedOn: date }).strict();
export const incomeSchema = z
  .object({
    personId,
    year,
    amount: z.number().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .strict();
export const healthSchema = z.object({ status: z.literal('ok') }).strict();
export const problemSchema = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  code: z.enum(['BAD_REQUEST', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE']),
});

/** Each answer schema, typed so that it must agree with the generated contract type both ways. */
export const CONTRACT = {
  Health: healthSchema satisfies Agrees<typeof healthSchema, Schemas['Health']>,
  Person: personSchema satisfies Agrees<typeof personSchema, Schemas['Person']>,
  Taxpayer: taxpayerSchema satisfies Agrees<typeof taxpayerSchema, Schemas['Taxpayer']>,
  TaxResidence: taxResidenceSchema satisfies Agrees<typeof taxResidenceSchema, Schemas['TaxResidence']>,
  CriminalRecord: criminalRecordSchema satisfies Agrees<typeof criminalRecordSchema, Schemas['CriminalRecord']>,
  Income: incomeSchema satisfies Agrees<typeof incomeSchema, Schemas['Income']>,
  Problem: problemSchema satisfies Agrees<typeof problemSchema, Schemas['Problem']>,
};

export type PersonAnswer = z.infer<typeof personSchema>;
export type TaxpayerAnswer = z.infer<typeof taxpayerSchema>;
export type TaxResidenceAnswer = z.infer<typeof taxResidenceSchema>;
export type CriminalRecordAnswer = z.infer<typeof criminalRecordSchema>;
export type IncomeAnswer = z.infer<typeof incomeSchema>;
