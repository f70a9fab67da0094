import { describe, expect, it } from 'vitest';
import { partnerChecks, type PartnerProbe } from './partner-health.service.js';

describe(partnerChecks.name, () => {
  const healthy: PartnerProbe = {
    country: 'TR',
    reachable: true,
    entityConfiguration: 'ok',
    clockSkewSeconds: 2,
    statusList: 'ok',
    signerExpiresInSeconds: 40 * 86_400,
  };
  const status = (probe: PartnerProbe) => Object.fromEntries(partnerChecks(probe).map((c) => [c.check, c.status]));

  it('reports every aspect of a healthy partner as ok', () => {
    expect(status(healthy)).toEqual({
      'partner.reachable': 'ok',
      'partner.entity-configuration': 'ok',
      'partner.clock': 'ok',
      'partner.status-list': 'ok',
      'partner.certificate': 'ok',
    });
  });

  it('reports an unreachable partner once, with why', () => {
    expect(partnerChecks({ country: 'KG', reachable: false, unreachableBecause: 'ECONNREFUSED' })).toEqual([
      { check: 'partner.reachable', status: 'fail', subject: 'KG', detail: 'ECONNREFUSED' },
    ]);
  });

  it('warns over 30 s of clock difference and fails over the protocol skew of 60 s, either way', () => {
    expect(status({ ...healthy, clockSkewSeconds: -45 })['partner.clock']).toBe('warn');
    expect(status({ ...healthy, clockSkewSeconds: 61 })['partner.clock']).toBe('fail');
  });

  it('fails a refused entity configuration or an unreadable status list, and warns of a certificate under 14 days', () => {
    const checks = partnerChecks({
      ...healthy,
      entityConfiguration: 'UNKNOWN_KEY',
      statusList: 'HTTP 503',
      signerExpiresInSeconds: 3 * 86_400,
    });
    expect(checks.find((c) => c.check === 'partner.entity-configuration')).toMatchObject({ status: 'fail', detail: 'UNKNOWN_KEY' });
    expect(checks.find((c) => c.check === 'partner.status-list')).toMatchObject({ status: 'fail', detail: 'HTTP 503' });
    expect(checks.find((c) => c.check === 'partner.certificate')).toMatchObject({ status: 'warn', value: 3 });
  });
});
