import { describe, expect, it } from 'vitest';
import { DEMO_TEXTS } from './demo-texts.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('demo narration', () => {
  it('exists in all nine federation languages', () =>
    expect(Object.keys(DEMO_TEXTS).sort()).toEqual(['az', 'en', 'hu', 'kk', 'ky', 'ru', 'tk', 'tr', 'uz']));

  it.each(Object.keys(DEMO_TEXTS))('%s has every step with the same placeholders as English', (lang) => {
    const texts = DEMO_TEXTS[lang as keyof typeof DEMO_TEXTS] as Record<string, string>;
    expect(Object.keys(texts)).toEqual(Object.keys(DEMO_TEXTS.en));
    for (const [key, text] of Object.entries(DEMO_TEXTS.en)) expect(placeholders(texts[key]), `${lang}.${key}`).toEqual(placeholders(text));
  });
});
