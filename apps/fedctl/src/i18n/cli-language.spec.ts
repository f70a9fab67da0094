import { afterEach, describe, expect, it } from 'vitest';
import { cliLanguage, cliText, useCliLanguage } from './cli-language.js';

describe("the admin's language", () => {
  afterEach(() => useCliLanguage('en'));

  it('is --lang first, then the shell locale in POSIX order, then English', () => {
    expect(cliLanguage('kk', { LANG: 'tr_TR.UTF-8' })).toBe('kk');
    expect(cliLanguage(undefined, { LANG: 'tr_TR.UTF-8' })).toBe('tr');
    expect(cliLanguage(undefined, { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'hu_HU.UTF-8' })).toBe('hu');
    expect(cliLanguage(undefined, { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'hu_HU', LC_ALL: 'uz_UZ@latin' })).toBe('uz');
    expect(cliLanguage(undefined, { LANG: 'az-AZ' })).toBe('az');
    expect(cliLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LC_ALL: '', LANG: 'ky_KG.UTF-8' })).toBe('ky');
    expect(cliLanguage(undefined, {})).toBe('en');
  });

  it('fills the placeholders of the chosen language', () => {
    useCliLanguage('tr');
    expect(cliText('portBusy', { port: 4701, country: 'KZ' })).toContain('4701');
    expect(cliText('portBusy', { port: 4701, country: 'KZ' })).not.toBe(
      (useCliLanguage('en'), cliText('portBusy', { port: 4701, country: 'KZ' })),
    );
  });
});
