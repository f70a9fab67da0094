import { isAbsolute, relative, resolve } from 'node:path';
import { BadInputError } from '@ots/errors';
import { FEDERATION_LANGUAGES, type Language } from '@ots/config';
import { readSourceHashes, sourceHash, writeSourceHashes } from './freshness.js';
import type { StringSet } from './string-sets.js';
import type { LocatedText } from './string-table.js';

export interface MarkFreshRequest {
  /** The translation file that was edited, absolute or relative to the project root. */
  readonly file: string;
  /**
   * Keys as `i18n:status` prints them; a key also names every key below it (`KZ-TAX-TIN` is its name and description),
   * and `*` names every key of the set (a whole file translated afresh, as for a new language).
   */
  readonly keys: readonly string[];
  /** The languages whose translations now match the source; `all` for every one. Implied when the file holds one language. */
  readonly languages?: readonly string[];
}

export interface MarkedTranslation {
  readonly set: string;
  readonly key: string;
  readonly lang: Language;
  readonly hash: string;
}

function languagesOf(set: StringSet, file: string, requested: readonly string[] | undefined): Language[] {
  const translated = FEDERATION_LANGUAGES.filter((lang) => lang !== set.source);
  const inFile = FEDERATION_LANGUAGES.filter((lang) => set.fileOf(lang) === file);
  const fileLanguage = inFile.length === 1 ? inFile[0] : undefined;
  if (!requested || requested.length === 0) {
    if (!fileLanguage) throw new BadInputError(`${file} holds several languages; name the translated one(s) with --lang`);
    if (fileLanguage === set.source)
      throw new BadInputError(
        `${file} is the source of ${set.id}: after changing it, re-translate and mark each language, or name with --lang the ones that still hold`,
      );
    return [fileLanguage];
  }
  const languages = requested.includes('all') ? translated : requested;
  return languages.map((lang) => {
    if (!(FEDERATION_LANGUAGES as readonly string[]).includes(lang)) throw new BadInputError(`${lang} is not a federation language`);
    if (lang === set.source)
      throw new BadInputError(`${lang} is the source language of ${set.id}; only translations record the source they came from`);
    if (fileLanguage && fileLanguage !== set.source && lang !== fileLanguage)
      throw new BadInputError(`${file} holds the ${fileLanguage} strings, not ${lang}`);
    return lang as Language;
  });
}

/**
 * Records that the named translations were made from today's source text: the one step after a translator updates a string
 * (or confirms it still holds after a source edit). Everything is checked before the hash file is written.
 */
export function markFresh(root: string, sets: readonly StringSet[], request: MarkFreshRequest): MarkedTranslation[] {
  const file = relative(root, isAbsolute(request.file) ? request.file : resolve(root, request.file));
  const set = sets.find((candidate) => FEDERATION_LANGUAGES.some((lang) => candidate.fileOf(lang) === file));
  if (!set) throw new BadInputError(`${file} is not a translation file of any string set`);
  if (request.keys.length === 0) throw new BadInputError('name at least one key');
  const languages = languagesOf(set, file, request.languages);
  const table = set.read(root);
  const source = table[set.source] ?? new Map<string, LocatedText>();
  const keys = request.keys.flatMap((wanted) => {
    const matching = [...source.keys()].filter((key) => wanted === '*' || key === wanted || key.startsWith(`${wanted}.`));
    if (matching.length === 0) throw new BadInputError(`${set.id} has no key ${wanted}`);
    return matching;
  });
  const hashes = readSourceHashes(root, set);
  const marked: MarkedTranslation[] = [];
  for (const lang of languages) {
    for (const key of keys) {
      if (!table[lang]?.has(key)) throw new BadInputError(`${key} has no ${lang} translation in ${set.fileOf(lang)} to mark`);
      const hash = sourceHash(source.get(key)?.text ?? '');
      marked.push({ set: set.id, key, lang, hash });
    }
  }
  for (const { key, lang, hash } of marked) {
    const entry = hashes.get(key) ?? new Map<Language, string>();
    entry.set(lang, hash);
    hashes.set(key, entry);
  }
  writeSourceHashes(root, set, table, hashes);
  return marked;
}
