import { describe, expect, it } from 'vitest';
import { countryCodeSchema, isCountryCode, normalizeCountryCode } from './country-code.js';

describe('the country code', () => {
  it('is two upper-case letters, ISO or user-assigned', () => {
    for (const code of ['KZ', 'TR', 'HU', 'CY', 'XA', 'XC', 'XZ', 'QM', 'QZ']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['kz', 'KAZ', 'K', 'K1', '', ' KZ', 42, undefined]) expect(isCountryCode(code)).toBe(false);
  });

  it('refuses two letters that are neither assigned by ISO nor in the user-assigned ranges', () => {
    for (const code of ['ZZ', 'AA', 'QL', 'UK', 'EU', 'OO']) expect(isCountryCode(code)).toBe(false);
  });

  it('accepts what a person types in any case, with spaces around', () => {
    expect(normalizeCountryCode(' tr ')).toBe('TR');
    expect(normalizeCountryCode('Kz')).toBe('KZ');
    expect(normalizeCountryCode('KAZ')).toBeUndefined();
    expect(normalizeCountryCode('k-')).toBeUndefined();
  });

  it('refuses anything else in a schema, saying what is expected', () => {
    const parsed = countryCodeSchema.safeParse('kz');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'must be an ISO 3166-1 alpha-2 code or a user-assigned one (XA-XZ, QM-QZ), in upper case',
    );
    expect(countryCodeSchema.safeParse('ZZ').success).toBe(false);
  });
});
