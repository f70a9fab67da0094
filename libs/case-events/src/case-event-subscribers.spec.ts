import { describe, expect, it } from 'vitest';
import { parseCaseEventSubscribers } from './case-event-subscribers.js';
import { CASE_EVENT_TYPES, cloudEventType } from './case-event-types.js';

describe(parseCaseEventSubscribers.name, () => {
  it('reads none from an unset or empty variable', () => {
    expect(parseCaseEventSubscribers(undefined)).toEqual([]);
    expect(parseCaseEventSubscribers('  ')).toEqual([]);
  });

  it('fills in every type and the default timeout, and leaves the attempts to OUTBOX_MAX_ATTEMPTS', () => {
    expect(
      parseCaseEventSubscribers(
        '[{"name":"ecase","url":"https://ecase.example/ots"},{"name":"tax-office","url":"http://10.0.0.5/in","types":["tax-certificate-received"],"timeoutMs":2000,"maxAttempts":3}]',
      ),
    ).toEqual([
      { name: 'ecase', url: 'https://ecase.example/ots', types: CASE_EVENT_TYPES, timeoutMs: 5000, maxAttempts: undefined },
      { name: 'tax-office', url: 'http://10.0.0.5/in', types: ['tax-certificate-received'], timeoutMs: 2000, maxAttempts: 3 },
    ]);
  });

  it('names every bad field, so the node does not start with a subscriber it would lose events to', () => {
    expect(() => parseCaseEventSubscribers('{')).toThrow(/^config: CASE_EVENT_SUBSCRIBERS: not JSON/);
    expect(() => parseCaseEventSubscribers('{"name":"x"}')).toThrow(/CASE_EVENT_SUBSCRIBERS: /);
    expect(() =>
      parseCaseEventSubscribers('[{"name":"Bad Name","url":"ftp://x","types":["permit-revoked"],"timeoutMs":30000,"extra":1}]'),
    ).toThrow(
      /CASE_EVENT_SUBSCRIBERS\[0\]\.name: must be 1-40.*CASE_EVENT_SUBSCRIBERS\[0\]\.url: must use http: or https:.*CASE_EVENT_SUBSCRIBERS\[0\]\.types\[0\].*CASE_EVENT_SUBSCRIBERS\[0\]\.timeoutMs: must be 100-25000.*Unrecognized key: "extra"/,
    );
    expect(() => parseCaseEventSubscribers('[{"name":"a","url":"http://a"},{"name":"a","url":"http://b"}]')).toThrow(
      'config: CASE_EVENT_SUBSCRIBERS[1].name: a is listed twice',
    );
  });
});

describe(cloudEventType.name, () => {
  it('versions every name under the org.ots.case namespace', () => {
    expect(cloudEventType('permit-issued')).toBe('org.ots.case.permit-issued.v1');
    expect(new Set(CASE_EVENT_TYPES.map(cloudEventType)).size).toBe(CASE_EVENT_TYPES.length);
  });
});
