import { z } from 'zod';
import { DOC_TYPES } from '@ots/documents';
import { CASE_STATUSES } from './case-state.js';
import { countryCodeSchema } from '@ots/config';

/**
 * Every way into the residence-permit flow is one of these schemas: a
 * GraphQL call goes through `parseInput` (BAD_INPUT), a partner's message
 * body through `parseMessageBody` (MESSAGE_NOT_ACCEPTED). The services take
 * the typed commands they produce and validate nothing else by hand.
 */

/** What an officer decides on a case. */
export const CASE_DECISIONS = ['approve', 'reject'] as const;
const MAX_REASON = 2000;

// ---- from the citizen, at home --------------------------------------------------------------

export const applyAbroadCommand = z.object({
  country: countryCodeSchema,
  serviceCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{2,40}$/, 'must be a service code such as TR-RP-WORK'),
  form: z.record(z.string(), z.unknown()),
  consent: z.array(z.enum(DOC_TYPES)).max(DOC_TYPES.length),
});
export type ApplyAbroadCommand = z.infer<typeof applyAbroadCommand>;

export const withdrawCommand = z.object({ id: z.string() });

export const answerEvidenceCommand = z.object({ requestId: z.string(), approve: z.boolean() });

// ---- from the officers, at the destination --------------------------------------------------

export const listCasesQuery = z.object({
  status: z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` }).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const requestEvidenceCommand = z.object({
  caseId: z.string(),
  docType: z.enum(DOC_TYPES, { message: `must be one of ${DOC_TYPES.join(', ')}` }),
});

export const decideCaseCommand = z.object({
  id: z.string(),
  decision: z.enum(CASE_DECISIONS),
  reason: z.string().trim().min(1, `must be 1-${MAX_REASON} characters`).max(MAX_REASON, `must be 1-${MAX_REASON} characters`),
});

// ---- from partners: message bodies (docs/protocol section 7) ---------------------------------------

export const submitBody = z.object({
  applicationId: z.string().uuid(),
  serviceCode: z.string(),
  applicant: z.string(),
  form: z.record(z.string(), z.unknown()),
  consent: z.array(z.string()),
  documents: z.array(z.string()).min(1).max(10),
});
export type SubmittedApplication = z.infer<typeof submitBody> & { home: string };

export const statusBody = z.object({ applicationId: z.string().uuid(), status: z.string(), note: z.string().max(MAX_REASON).optional() });
export type ReportedStatus = z.infer<typeof statusBody> & { partner: string };

export const decisionBody = z.object({
  applicationId: z.string().uuid(),
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().max(MAX_REASON),
  document: z.string().optional(),
});
export type ReportedDecision = z.infer<typeof decisionBody> & { destination: string };

export const evidenceRequestBody = z.object({ applicationId: z.string().uuid(), requestId: z.string().uuid(), docType: z.enum(DOC_TYPES) });
export type ReceivedEvidenceRequest = z.infer<typeof evidenceRequestBody> & { destination: string };

export const evidenceResponseBody = z.object({
  applicationId: z.string().uuid(),
  requestId: z.string().uuid(),
  docType: z.string(),
  outcome: z.enum(['provided', 'refused']),
  document: z.string().optional(),
});
export type ReceivedEvidenceResponse = z.infer<typeof evidenceResponseBody> & { home: string };
