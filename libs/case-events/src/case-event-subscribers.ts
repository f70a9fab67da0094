import { z } from 'zod';
import { ConfigError, describeIssues } from '@ots/config';
import { CASE_EVENT_TYPES, type CaseEventName } from './case-event-types.js';

/** The variable that lists the subscribers: a JSON array, read and validated once before the node starts. */
export const SUBSCRIBERS_VARIABLE = 'CASE_EVENT_SUBSCRIBERS';

/** A country's case system that receives this node's events. */
export interface CaseEventSubscriber {
  /** Stable name: deliveries are kept under it, so renaming a subscriber starts it afresh. */
  name: string;
  /** Where each event is POSTed. */
  url: string;
  /** The events it takes; every type when the configuration leaves them out. */
  types: readonly CaseEventName[];
  /** How long one delivery may take, answer included; under the 30 s lease so that a slow one is never sent twice at once. */
  timeoutMs: number;
  /** After this many failed deliveries an event is parked as dead for this subscriber; undefined: OUTBOX_MAX_ATTEMPTS. */
  maxAttempts: number | undefined;
}

const subscriberSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 of a-z, 0-9 and -, starting with a letter or digit'),
    url: z
      .string()
      .url('must be a URL')
      .refine((u) => ['http:', 'https:'].includes(new URL(u).protocol), 'must use http: or https:'),
    types: z.array(z.enum(CASE_EVENT_TYPES)).min(1, 'must name at least one event type (leave it out for all)').optional(),
    timeoutMs: z.number().int().min(100, 'must be 100-25000').max(25_000, 'must be 100-25000 (under the 30 s lease)').default(5000),
    maxAttempts: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const subscribersSchema = z.array(subscriberSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${s.name} is listed twice` });
    seen.add(s.name);
  });
});

/**
 * Reads `CASE_EVENT_SUBSCRIBERS` (unset or empty: no subscriber, nothing is queued) and throws ConfigError naming
 * every bad field, so a mistyped subscriber stops the node at start-up instead of losing events.
 *
 * @example
 * parseCaseEventSubscribers('[{"name":"ecase","url":"https://ecase.example/ots-events","types":["decision-made"]}]');
 */
export function parseCaseEventSubscribers(value: string | undefined): CaseEventSubscriber[] {
  if (value === undefined || value.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (err) {
    throw new ConfigError(`config: ${SUBSCRIBERS_VARIABLE}: not JSON (${(err as Error).message})`);
  }
  const parsed = subscribersSchema.safeParse(json);
  if (!parsed.success)
    throw new ConfigError(`config: ${describeIssues(parsed.error.issues.map((i) => ({ ...i, path: [SUBSCRIBERS_VARIABLE, ...i.path] })))}`);
  return parsed.data.map((s) => ({
    name: s.name,
    url: s.url,
    types: s.types ?? CASE_EVENT_TYPES,
    timeoutMs: s.timeoutMs,
    maxAttempts: s.maxAttempts,
  }));
}
