import { describe, expect, it } from 'vitest';
import { admit, closedBreaker, failed, succeeded, type Breaker } from './circuit-breaker.js';

const settings = { failureThreshold: 3, openMs: 1_000 };

describe('circuit breaker', () => {
  it('stays closed below the threshold and opens on the failure that reaches it', () => {
    let b: Breaker = closedBreaker;
    b = failed(b, settings, 0);
    b = failed(b, settings, 0);
    expect(b).toEqual({ state: 'closed', failures: 2, retryAt: 0 });
    expect(admit(b, 0).allowed).toBe(true);
    b = failed(b, settings, 10);
    expect(b).toEqual({ state: 'open', failures: 3, retryAt: 1_010 });
  });

  it('refuses calls while open, then lets one trial through once the wait is over', () => {
    const open: Breaker = { state: 'open', failures: 3, retryAt: 1_000 };
    expect(admit(open, 999)).toEqual({ allowed: false, next: open });
    const trial = admit(open, 1_000);
    expect(trial.allowed).toBe(true);
    expect(trial.next.state).toBe('half-open');
    // a second caller while the trial is out is refused
    expect(admit(trial.next, 1_001).allowed).toBe(false);
  });

  it('closes after a successful trial and reopens after a failed one', () => {
    const halfOpen: Breaker = { state: 'half-open', failures: 3, retryAt: 1_000 };
    expect(succeeded()).toEqual(closedBreaker);
    expect(failed(halfOpen, settings, 2_000)).toEqual({ state: 'open', failures: 4, retryAt: 3_000 });
  });

  it('a success resets the count of failures', () => {
    const b = failed(failed(closedBreaker, settings, 0), settings, 0);
    expect(failed(succeeded(), settings, 0).failures).toBe(1);
    expect(b.failures).toBe(2);
  });
});
