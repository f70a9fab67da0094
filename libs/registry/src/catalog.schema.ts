import { z } from 'zod';
import { countryCodeSchema, FEDERATION_LANGUAGES } from '@ots/config';
import { DOC_TYPES } from '@ots/jws';

export const CATEGORIES = [
  'family',
  'health',
  'education',
  'employment',
  'social-security',
  'citizenship-migration',
  'real-estate',
  'tax-finance',
  'business',
  'transport',
] as const;
export const LIFE_EVENTS = [
  'moving-abroad',
  'starting-work',
  'starting-business',
  'having-a-child',
  'getting-married',
  'studying-abroad',
  'retiring',
  'buying-property',
  'owning-a-vehicle',
  'paying-taxes',
  'falling-ill',
] as const;
export const AUDIENCES = ['citizen', 'foreign-citizen', 'business'] as const;
export const ONLINE_LEVELS = ['information', 'interactive', 'transaction', 'proactive'] as const;

const formFieldSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be a camelCase identifier'),
    type: z.enum(['string', 'integer', 'date', 'boolean', 'enum']),
    required: z.boolean(),
    maxLength: z.number().int().min(1).max(10_000).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((f) => f.type !== 'enum' || f.values !== undefined, { message: 'an enum field needs values', path: ['values'] });

/** One service as `federation-config/services/<CC>.json` holds it (see the README there). */
export const serviceDefinitionSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)+$/, 'must look like TR-RP-WORK'),
    category: z.enum(CATEGORIES),
    lifeEvents: z.array(z.enum(LIFE_EVENTS)).min(1, 'needs at least one life event'),
    audiences: z.array(z.enum(AUDIENCES)).min(1, 'needs at least one audience'),
    crossBorder: z.array(countryCodeSchema),
    requiredEvidence: z.array(z.enum(DOC_TYPES)),
    fee: z
      .object({ amount: z.number().min(0, 'must not be negative'), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') })
      .strict(),
    processingDays: z.number().int().min(0).max(365),
    legalBasis: z.string().trim().min(1, 'must name the law'),
    onlineLevel: z.enum(ONLINE_LEVELS),
    responsibleAuthority: z.string().trim().min(1, 'must name the authority'),
    form: z
      .object({ fields: z.array(formFieldSchema).min(1) })
      .strict()
      .optional(),
  })
  .strict();

export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;
export type FormField = z.infer<NonNullable<typeof formFieldSchema>>;

export const catalogFileSchema = z.object({ country: countryCodeSchema, services: z.array(serviceDefinitionSchema) }).strict();

export const serviceTextSchema = z
  .object({ name: z.string().trim().min(1, 'is empty'), description: z.string().trim().min(1, 'is empty') })
  .strict();
export type ServiceText = z.infer<typeof serviceTextSchema>;
export const localeFileSchema = z.record(z.string(), serviceTextSchema);

export const termsFileSchema = z
  .object({
    category: z.record(z.enum(CATEGORIES), z.string().min(1)),
    lifeEvent: z.record(z.enum(LIFE_EVENTS), z.string().min(1)),
    onlineLevel: z.record(z.enum(ONLINE_LEVELS), z.string().min(1)),
    audience: z.record(z.enum(AUDIENCES), z.string().min(1)),
  })
  .strict();
export type Terms = z.infer<typeof termsFileSchema>;

export { FEDERATION_LANGUAGES };
