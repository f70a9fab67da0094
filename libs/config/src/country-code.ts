import { z } from 'zod';

/**
 * A country as every part of the federation names it: two upper-case letters, an ISO 3166-1 alpha-2 code or a
 * user-assigned one (XA-XZ, QM-QZ), for the states the agreement reaches that have no ISO code. The one definition:
 * flags, files, commands, documents and anchors files all check codes with it.
 */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

export const COUNTRY_CODE_RULE = 'must be a two-letter country code in upper case';

export const countryCodeSchema = z.string().regex(COUNTRY_CODE_PATTERN, COUNTRY_CODE_RULE);

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value);
}

/** What a person types (`tr`, ` KZ `) as the code it means, or undefined when it is not one. */
export function normalizeCountryCode(typed: string): string | undefined {
  const code = typed.trim().toUpperCase();
  return isCountryCode(code) ? code : undefined;
}
