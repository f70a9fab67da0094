import { z } from 'zod';
import { countryCodeSchema } from '@ots/config';

/**
 * Every way into the tax services is one of these schemas: GraphQL
 * arguments through `parseInput` (BAD_INPUT), a partner's message body
 * through `parseMessageBody` (MESSAGE_NOT_ACCEPTED).
 */

/** A batch is what one officer's list (a payroll's foreign workers, say) holds; more goes in several calls. */
export const MAX_TAXPAYER_BATCH = 1000;
const FIRST_TAX_YEAR = 1990;

const countryCode = countryCodeSchema;
const taxpayerNumber = z.string().trim().min(1).max(32);

export const taxCertificateCommand = z.object({
  year: z.number().superRefine((year, ctx) => {
    const currentYear = new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < FIRST_TAX_YEAR || year > currentYear)
      ctx.addIssue({ code: 'custom', message: `must be ${FIRST_TAX_YEAR}-${currentYear}` });
  }),
  forCountry: z.string(),
});

export const taxpayerQuery = z.object({ country: countryCode, tin: taxpayerNumber });
export const taxpayerBatch = z.object({ country: countryCode, tins: z.array(taxpayerNumber).min(1).max(MAX_TAXPAYER_BATCH) });
export const checkFilter = z.object({
  requestIds: z.array(z.string().uuid()).min(1).max(MAX_TAXPAYER_BATCH).nullish(),
  country: countryCode.nullish(),
  status: z.enum(['pending', 'answered']).nullish(),
});
export const checkId = z.object({ requestId: z.string() });

// ---- from partners: message bodies (docs/protocol section 7) ---------------------------------------

export const certificateBody = z.object({ document: z.string(), forYear: z.number().int() });
export type ReceivedCertificate = z.infer<typeof certificateBody> & { partner: string };

export const tinBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), requestId: z.string().uuid(), tin: z.string().min(1).max(32) }),
  z.object({ kind: z.literal('answer'), requestId: z.string().uuid(), valid: z.boolean(), resident: z.boolean() }),
]);
export type TaxpayerQuestion = Extract<z.infer<typeof tinBody>, { kind: 'request' }> & { partner: string };
export type TaxpayerAnswer = Extract<z.infer<typeof tinBody>, { kind: 'answer' }> & { partner: string };
