import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage } from './language-negotiation.js';

const supported = ['kk', 'ru', 'tr', 'ky', 'uz', 'az', 'en', 'hu', 'tk'] as const;
const pick = (explicit: string | undefined, acceptLanguage?: string) =>
  negotiateLanguage({ explicit, acceptLanguage, supported, fallback: 'kk' as const });

describe('negotiateLanguage', () => {
  it('prefers the explicit argument', () => expect(pick('TR', 'ru')).toBe('tr'));
  it('refuses an unsupported explicit language with undefined', () => expect(pick('de', 'ru')).toBeUndefined());
  it('uses Accept-Language by quality, matching the primary subtag', () =>
    expect(pick(undefined, 'de-DE, ru-RU;q=0.8, uz;q=0.9')).toBe('uz'));
  it('skips languages refused with q=0', () => expect(pick(undefined, 'en;q=0, hu')).toBe('hu'));
  it('falls back to the node default', () => expect(pick(undefined, 'fr, de')).toBe('kk'));
  it('falls back on a garbled header', () => expect(pick(undefined, ';;;,,q=x')).toBe('kk'));
  it('orders equal qualities as written', () => expect(parseAcceptLanguage('ky, kk')).toEqual(['ky', 'kk']));
});
