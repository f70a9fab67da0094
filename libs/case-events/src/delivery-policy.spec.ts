import { describe, expect, it } from 'vitest';
import { afterFailure, describeFailure, isPermanent } from './delivery-policy.js';

const NOW = new Date('2026-12-02T06:00:00Z');
const serverError = { kind: 'status', status: 500 } as const;

describe(afterFailure.name, () => {
  it("schedules the next attempt after the outbox's backoff, growing with the attempts", () => {
    const top = (before: number) => afterFailure(before, 10, serverError, 500, NOW, () => 0.999999);
    expect(top(0)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: new Date(NOW.getTime() + 499) });
    expect(top(1)).toEqual({ status: 'pending', attempts: 2, nextAttemptAt: new Date(NOW.getTime() + 999) });
    expect(top(4)).toEqual({ status: 'pending', attempts: 5, nextAttemptAt: new Date(NOW.getTime() + 7_999) });
  });

  it('parks the delivery as dead on the attempt that reaches the subscriber’s maximum', () => {
    expect(afterFailure(3, 5, { kind: 'timeout' }, 500, NOW).status).toBe('pending');
    expect(afterFailure(4, 5, { kind: 'timeout' }, 500, NOW)).toEqual({ status: 'dead', attempts: 5 });
    expect(afterFailure(0, 1, { kind: 'network', message: 'ECONNREFUSED' }, 500, NOW)).toEqual({ status: 'dead', attempts: 1 });
  });

  it('parks a delivery the subscriber refuses for good at once, and retries what may pass', () => {
    expect(afterFailure(0, 15, { kind: 'status', status: 400 }, 500, NOW)).toEqual({ status: 'dead', attempts: 1 });
    for (const status of [408, 409, 429, 500, 502, 503])
      expect(afterFailure(0, 15, { kind: 'status', status }, 500, NOW).status, String(status)).toBe('pending');
  });
});

describe(isPermanent.name, () => {
  it('holds for 4xx except timeout, conflict and too many requests', () => {
    expect([400, 401, 403, 404, 410, 413, 422].every((status) => isPermanent({ kind: 'status', status }))).toBe(true);
    expect([408, 409, 429, 500, 503].some((status) => isPermanent({ kind: 'status', status }))).toBe(false);
    expect(isPermanent({ kind: 'timeout' })).toBe(false);
  });
});

describe(describeFailure.name, () => {
  it('says what an admin reads', () => {
    expect(describeFailure(serverError, 5000)).toBe('HTTP 500');
    expect(describeFailure({ kind: 'timeout' }, 300)).toBe('no answer within 300 ms');
    expect(describeFailure({ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9' }, 300)).toBe(
      'no connection: connect ECONNREFUSED 127.0.0.1:9',
    );
  });
});
