import { describe, expect, it } from 'vitest';
import { FEDERATION_LANGUAGES } from '@ots/config';
import { MESSAGES } from './messages/index.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();

describe('message catalogs', () => {
  it.each(FEDERATION_LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, with the same placeholders', (lang) => {
    const missing = Object.keys(MESSAGES.en).filter((key) => !(key in MESSAGES[lang]));
    expect(missing).toEqual([]);
    for (const [key, text] of Object.entries(MESSAGES[lang])) {
      expect(placeholders(text as string), `${lang}.${key}`).toEqual(placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en] as string));
    }
  });
});
