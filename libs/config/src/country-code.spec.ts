import { describe, expect, it } from 'vitest';
import { countryCodeSchema, isCountryCode, normalizeCountryCode } from './country-code.js';

describe('the country code', () => {
  it('is two upper-case letters, ISO or user-assigned', () => {
    for (const code of ['KZ', 'TR', 'XA', 'QZ']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['kz', 'KAZ', 'K', 'K1', '', ' KZ', 42, undefined]) expect(isCountryCode(code)).toBe(false);
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
    expect(parsed.error?.issues[0]?.message).toBe('must be a two-letter country code in upper case');
  });
});
