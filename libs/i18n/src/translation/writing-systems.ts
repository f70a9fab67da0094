import type { Language } from '@ots/config';

export type WritingSystem = 'Latin' | 'Cyrillic';

/** The alphabet each federation language is written in today; a tenth language adds its line here. */
export const EXPECTED_WRITING_SYSTEM: Record<Language, WritingSystem> = {
  kk: 'Cyrillic',
  ru: 'Cyrillic',
  ky: 'Cyrillic',
  tr: 'Latin',
  uz: 'Latin',
  az: 'Latin',
  en: 'Latin',
  hu: 'Latin',
  tk: 'Latin',
};

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const FOREIGN = /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;
/** Uzbek oʻ and gʻ take the turned comma U+02BB; an apostrophe or quotation mark there is a typing slip. */
const UZBEK_MARK_SLIP = /[oOgG]['‘’`´]/u;

/** A Latin abbreviation with a Cyrillic case ending (SGKга, NAVдан): how Kyrgyz declines a foreign agency's name. */
const DECLINED_ABBREVIATION = /^\p{Script=Latin}{2,}\p{Script=Cyrillic}+$/u;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/**
 * What is wrong with the alphabet of `text` for a language written in `expected`. Latin-script text has no Cyrillic letter.
 * Cyrillic-script text has Cyrillic words and mixes the two only between words: proper names, codes and identifiers
 * (Stipendium Hungaricum, KZ, application.submit) stay Latin, but a Latin look-alike inside a Cyrillic word is an error.
 */
export function writingSystemProblems(text: string, expected: WritingSystem, lang?: Language): string[] {
  const problems: string[] = [];
  const words = text.match(WORD) ?? [];
  for (const word of words) {
    if (FOREIGN.test(word)) problems.push(`"${word}" has letters of neither Latin nor Cyrillic script`);
    else if (expected === 'Latin' && count(word, CYRILLIC) > 0) problems.push(`"${word}" has Cyrillic letters`);
    else if (expected === 'Cyrillic' && count(word, CYRILLIC) > 0 && count(word, LATIN) > 0 && !DECLINED_ABBREVIATION.test(word))
      problems.push(`"${word}" mixes Latin and Cyrillic letters`);
  }
  if (expected === 'Cyrillic' && count(text, LATIN) > 0 && count(text, CYRILLIC) === 0) problems.push('has no Cyrillic word');
  if (lang === 'uz' && UZBEK_MARK_SLIP.test(text)) problems.push('writes oʻ/gʻ with an apostrophe instead of ʻ (U+02BB)');
  return problems;
}

/** Each language's name in itself, as a translator looks for it in `i18n:status`. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  kk: 'Қазақ тілі',
  ru: 'Русский',
  tr: 'Türkçe',
  ky: 'Кыргыз тили',
  uz: 'Oʻzbek tili',
  az: 'Azərbaycan dili',
  en: 'English',
  hu: 'Magyar',
  tk: 'Türkmen dili',
};
