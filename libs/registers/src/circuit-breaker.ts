/** The breaker's states: `closed` lets calls through, `open` refuses them, `half-open` lets one trial call through. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call, in ms. */
  openMs: number;
}

export interface Breaker {
  readonly state: BreakerState;
  readonly failures: number;
  /** When an open circuit lets a trial call through (ms since the epoch). */
  readonly retryAt: number;
}

export const closedBreaker: Breaker = { state: 'closed', failures: 0, retryAt: 0 };

/**
 * Whether a call may go out at `now`, and the state it leaves: an open circuit past its wait becomes half-open and
 * lets exactly this one trial through; a half-open one refuses every other call until the trial ends.
 *
 * @example
 * const { allowed, next } = admit(breaker, Date.now());
 */
export function admit(breaker: Breaker, now: number): { allowed: boolean; next: Breaker } {
  if (breaker.state === 'closed') return { allowed: true, next: breaker };
  if (breaker.state === 'open' && now >= breaker.retryAt) return { allowed: true, next: { ...breaker, state: 'half-open' } };
  return { allowed: false, next: breaker };
}

/** The state after a call that got an answer within the contract (a 404 counts: the register answered). */
export function succeeded(): Breaker {
  return closedBreaker;
}

/** The state after a call that failed: a failed trial reopens at once; enough failures in a row open the circuit. */
export function failed(breaker: Breaker, settings: BreakerSettings, now: number): Breaker {
  const failures = breaker.failures + 1;
  if (breaker.state === 'half-open' || failures >= settings.failureThreshold)
    return { state: 'open', failures, retryAt: now + settings.openMs };
  return { state: 'closed', failures, retryAt: 0 };
}
