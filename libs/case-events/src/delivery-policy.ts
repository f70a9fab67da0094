import { backoffDelay } from '@ots/messaging';

/** Why one delivery of an event failed: the subscriber's HTTP status, or no answer in time, or no connection. */
export type DeliveryFailure = { kind: 'status'; status: number } | { kind: 'timeout' } | { kind: 'network'; message: string };

/** What a failed delivery leads to: another attempt after the outbox's backoff, or the dead state for an admin. */
export type AfterFailure = { status: 'pending'; attempts: number; nextAttemptAt: Date } | { status: 'dead'; attempts: number };

/**
 * A subscriber that says the event itself is wrong (a 4xx other than 408 Request Timeout, 409 Conflict or 429
 * Too Many Requests) will say so again: retrying only delays the admin's look. Everything else (5xx, no answer,
 * no connection) may pass.
 */
export function isPermanent(failure: DeliveryFailure): boolean {
  return failure.kind === 'status' && failure.status >= 400 && failure.status < 500 && ![408, 409, 429].includes(failure.status);
}

/**
 * The state after a failed attempt: the attempts so far counted, dead once `maxAttempts` is reached (or at once
 * for a permanent refusal), else due again after the outbox's full-jitter backoff from `baseDelayMs`.
 *
 * @example
 * afterFailure(0, 5, { kind: 'status', status: 500 }, 500, new Date()); // { status: 'pending', attempts: 1, nextAttemptAt: ~now + <= 500 ms }
 */
export function afterFailure(
  attemptsBefore: number,
  maxAttempts: number,
  failure: DeliveryFailure,
  baseDelayMs: number,
  now: Date,
  random: () => number = Math.random,
): AfterFailure {
  const attempts = attemptsBefore + 1;
  if (attempts >= maxAttempts || isPermanent(failure)) return { status: 'dead', attempts };
  return { status: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + backoffDelay(attempts, random, baseDelayMs)) };
}

/** The line an admin reads for a failure (GraphQL `lastError`, the log). */
export function describeFailure(failure: DeliveryFailure, timeoutMs: number): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}`;
    case 'timeout':
      return `no answer within ${timeoutMs} ms`;
    case 'network':
      return `no connection: ${failure.message}`.slice(0, 500);
  }
}
