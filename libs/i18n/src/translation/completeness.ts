import { FEDERATION_LANGUAGES } from '@ots/config';
import type { StringSet } from './string-sets.js';
import type { LocatedText, StringTable } from './string-table.js';
import { EXPECTED_WRITING_SYSTEM, writingSystemProblems } from './writing-systems.js';

export function placeholdersOf(text: string, placeholder: RegExp | undefined): string[] {
  if (!placeholder) return [];
  return [...text.matchAll(new RegExp(placeholder.source, 'g'))].map((match) => match[1] ?? match[0]).sort();
}

const withoutPlaceholders = (text: string, placeholder: RegExp | undefined): string =>
  placeholder ? text.replace(new RegExp(placeholder.source, 'g'), ' ') : text;

/**
 * Every problem of one string set, each naming the file, the key and the language: a key missing in a language or
 * unknown to the source, other placeholders than the source's, a translation equal to its source (unless allowed),
 * an empty text, or the wrong alphabet.
 */
export function completenessProblems(set: StringSet, table: StringTable): string[] {
  const problems: string[] = [];
  const source = table[set.source] ?? new Map<string, LocatedText>();
  for (const lang of FEDERATION_LANGUAGES) {
    const strings = table[lang];
    const name = (key: string, file: string): string => `${file}: ${key} [${lang}]`;
    for (const key of source.keys()) if (!strings?.has(key)) problems.push(`${name(key, set.fileOf(lang))}: missing`);
    for (const [key, { text, file }] of strings ?? []) {
      const original = source.get(key)?.text;
      if (original === undefined) {
        problems.push(`${name(key, file)}: not in the ${set.source} source`);
        continue;
      }
      if (text.trim() === '') problems.push(`${name(key, file)}: empty`);
      const expected = placeholdersOf(original, set.placeholder).join(', ');
      const actual = placeholdersOf(text, set.placeholder).join(', ');
      if (actual !== expected) problems.push(`${name(key, file)}: placeholders {${actual}}, the source has {${expected}}`);
      if (lang !== set.source && text === original) {
        // A name or code the allow-list keeps as the source writes it is in the source's alphabet by design.
        if (set.sameAsSource.has(key) || set.sameAsSource.has(`${key}@${lang}`)) continue;
        problems.push(`${name(key, file)}: same as the ${set.source} source`);
      }
      for (const problem of writingSystemProblems(withoutPlaceholders(text, set.placeholder), EXPECTED_WRITING_SYSTEM[lang], lang))
        problems.push(`${name(key, file)}: ${problem}`);
    }
  }
  return problems;
}
