import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEDERATION_LANGUAGES, type Language } from '@ots/config';
import { completenessProblems, placeholdersOf } from './completeness.js';
import type { StringSet } from './string-sets.js';
import { typescriptObjects, type LocatedText, type StringTable } from './string-table.js';
import { writingSystemProblems } from './writing-systems.js';

describe('writingSystemProblems', () => {
  it('accepts Cyrillic text with Latin codes, identifiers and declined abbreviations between its words', () => {
    expect(
      writingSystemProblems('Сотрудник TR одобряет: TR выдаёт residence-permit и отправляет application.decision', 'Cyrillic'),
    ).toEqual([]);
    expect(writingSystemProblems('SGKга жашы боюнча пенсия үчүн кайрылышат', 'Cyrillic')).toEqual([]);
    expect(writingSystemProblems('Stipendium Hungaricum стипендиясы', 'Cyrillic')).toEqual([]);
  });

  it('finds a Latin look-alike inside a Cyrillic word, and Cyrillic text left in Latin', () => {
    expect(writingSystemProblems('Рeспублика Казахстан', 'Cyrillic')).toEqual(['"Рeспублика" mixes Latin and Cyrillic letters']);
    expect(writingSystemProblems('Republic of Kazakhstan', 'Cyrillic')).toEqual(['has no Cyrillic word']);
  });

  it('finds Cyrillic letters in Latin-script text, and letters of a third script anywhere', () => {
    expect(writingSystemProblems('Kazakistan Cumhuriyeti Қазақстан', 'Latin')).toEqual(['"Қазақстан" has Cyrillic letters']);
    expect(writingSystemProblems('Türkiye Cumhuriyeti Ελλάδα', 'Latin')).toEqual([
      '"Ελλάδα" has letters of neither Latin nor Cyrillic script',
    ]);
  });

  it('wants the Uzbek oʻ and gʻ written with U+02BB', () => {
    expect(writingSystemProblems('Oʻzbekiston Respublikasi', 'Latin', 'uz')).toEqual([]);
    expect(writingSystemProblems("O'zbekiston Respublikasi", 'Latin', 'uz')).toEqual([
      'writes oʻ/gʻ with an apostrophe instead of ʻ (U+02BB)',
    ]);
  });
});

describe('completenessProblems', () => {
  const located = (entries: Record<string, string>): ReadonlyMap<string, LocatedText> =>
    new Map(Object.entries(entries).map(([key, text]) => [key, { text, file: 'x.json' }]));
  const set: StringSet = {
    id: 'sample',
    title: 'sample',
    source: 'en',
    placeholder: /\{\{(\w+)\}\}/g,
    hashFile: 'sample.sources.json',
    sameAsSource: new Set(['CODE']),
    fileOf: () => 'x.json',
    read: () => ({}),
  };
  const complete = (lang: Language): Record<string, string> =>
    lang === 'en' || ['tr', 'uz', 'az', 'hu', 'tk'].includes(lang)
      ? { GREETING: lang === 'en' ? 'Hello, {{name}}' : `Selam (${lang}), {{name}}`, CODE: 'IIN' }
      : { GREETING: `Привет (${lang}), {{name}}`, CODE: 'IIN' };
  const table = (overrides: Partial<Record<Language, Record<string, string>>>): StringTable =>
    Object.fromEntries(FEDERATION_LANGUAGES.map((lang) => [lang, located(overrides[lang] ?? complete(lang))]));

  it('passes a set complete in every language; an allowed code may stay as the source writes it, in any alphabet', () =>
    expect(completenessProblems(set, table({}))).toEqual([]));

  it('names the file, key and language of each problem', () => {
    const problems = completenessProblems(
      set,
      table({
        kk: { GREETING: 'Сәлем, {{person}}', CODE: 'ЖСН' },
        tr: { CODE: 'IIN', EXTRA: 'fazla' },
        hu: { GREETING: 'Hello, {{name}}', CODE: 'IIN' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'x.json: GREETING [kk]: placeholders {person}, the source has {name}',
        'x.json: GREETING [tr]: missing',
        'x.json: EXTRA [tr]: not in the en source',
        'x.json: GREETING [hu]: same as the en source',
      ]),
    );
  });

  it('reads placeholders with the set’s own syntax', () => {
    expect(placeholdersOf('{{b}} and {{a}}', /\{\{(\w+)\}\}/g)).toEqual(['a', 'b']);
    expect(placeholdersOf('{b} and {a}', /\{(\w+)\}/g)).toEqual(['a', 'b']);
    expect(placeholdersOf('{b}', undefined)).toEqual([]);
  });
});

describe('typescriptObjects', () => {
  it('refuses a value that is not a plain string literal, naming the file and the object', () => {
    const root = mkdtempSync(join(tmpdir(), 'ots-i18n-ts-'));
    try {
      writeFileSync(join(root, 'kk.ts'), "const base = 'x';\nexport const kk = { GREETING: `Сәлем ${base}` };\n");
      expect(() => typescriptObjects(() => ({ file: 'kk.ts', path: ['kk'] })).read(root, ['kk'])).toThrow(
        'kk.ts: kk: every entry must be a plain string literal under a plain key',
      );
      writeFileSync(join(root, 'kk.ts'), "export const kk = { GREETING: 'Сәлем, ' + 'досым' } as const;\n");
      expect(
        typescriptObjects(() => ({ file: 'kk.ts', path: ['kk'] }))
          .read(root, ['kk'])
          .kk?.get('GREETING'),
      ).toEqual({
        text: 'Сәлем, досым',
        file: 'kk.ts',
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
