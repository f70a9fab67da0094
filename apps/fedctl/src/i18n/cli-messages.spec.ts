import { describe, expect, it } from 'vitest';
import { FEDERATION_LANGUAGES } from '@ots/config';
import { CLI_MESSAGES } from './cli-messages.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("fedctl's own messages", () => {
  it('exist in all nine federation languages', () => expect(Object.keys(CLI_MESSAGES).sort()).toEqual([...FEDERATION_LANGUAGES].sort()));

  it.each(FEDERATION_LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every key, with the placeholders of English, in its own words',
    (lang) => {
      const texts = CLI_MESSAGES[lang];
      expect(Object.keys(texts)).toEqual(Object.keys(CLI_MESSAGES.en));
      for (const [key, text] of Object.entries(CLI_MESSAGES.en)) {
        const translated = texts[key as keyof typeof texts];
        expect(placeholders(translated), `${lang}.${key}`).toEqual(placeholders(text));
        if (placeholders(text).length > 0 && text.length > 20) expect(translated, `${lang}.${key}`).not.toBe(text);
      }
    },
  );
});
