import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe(RateLimiter.name, () => {
  it('allows the limit per window and client, then says how long to wait', () => {
    const sut = new RateLimiter(2, 60_000);
    expect(sut.take('a', 100_000)).toBe(0);
    expect(sut.take('a', 101_000)).toBe(0);
    expect(sut.take('a', 102_000)).toBe(58);
    expect(sut.take('b', 102_000)).toBe(0);
  });

  it('starts counting again in the next window', () => {
    const sut = new RateLimiter(1, 60_000);
    expect(sut.take('a', 100_000)).toBe(0);
    expect(sut.take('a', 159_999)).toBeGreaterThan(0);
    expect(sut.take('a', 160_000)).toBe(0);
  });
});

describe(`${RateLimiter.name} with costs`, () => {
  it('counts a request by its cost and does not count one it refuses', () => {
    const sut = new RateLimiter(10, 60_000);
    expect(sut.take('a', 100_000, 8)).toBe(0);
    expect(sut.take('a', 100_000, 3)).toBe(60);
    expect(sut.take('a', 100_000, 2)).toBe(0);
    expect(sut.take('a', 100_000, 1)).toBe(60);
  });
});
