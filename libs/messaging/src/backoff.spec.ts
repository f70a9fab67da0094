import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe(backoffDelay.name, () => {
  it('grows exponentially up to the cap', () => {
    const top = (attempt: number) => backoffDelay(attempt, () => 0.999999);
    expect(top(1)).toBe(499);
    expect(top(2)).toBe(999);
    expect(top(5)).toBe(7999);
    expect(top(30)).toBe(299_999);
  });

  it('spreads retries with jitter but never retries at once', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(6));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...delays)).toBeLessThan(16_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });
});
