import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, FEDERATION_LANGUAGES, type Language } from '@ots/config';
import type { StringSet } from './string-sets.js';
import type { LocatedText, StringTable } from './string-table.js';

/** The first 8 hex digits of the SHA-256 of a source text: enough to notice any change to one string. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** key -> language -> hash of the source text that language's translation was made from. */
export type SourceHashes = Map<string, Map<Language, string>>;

const HASH = /^[0-9a-f]{8}$/;
const isLanguage = (lang: string): lang is Language => (FEDERATION_LANGUAGES as readonly string[]).includes(lang);

export function readSourceHashes(root: string, set: StringSet): SourceHashes {
  const path = join(root, set.hashFile);
  const hashes: SourceHashes = new Map();
  if (!existsSync(path)) return hashes;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${set.hashFile}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${set.hashFile}: must be a JSON object`);
  for (const [key, perLanguage] of Object.entries(raw)) {
    if (typeof perLanguage !== 'object' || perLanguage === null || Array.isArray(perLanguage))
      throw new ConfigError(`${set.hashFile}: ${key}: must map languages to hashes`);
    const entry = new Map<Language, string>();
    for (const [lang, hash] of Object.entries(perLanguage as Record<string, unknown>)) {
      if (!isLanguage(lang)) throw new ConfigError(`${set.hashFile}: ${key}: ${lang} is not a federation language`);
      if (typeof hash !== 'string' || !HASH.test(hash)) throw new ConfigError(`${set.hashFile}: ${key}: ${lang}: must be 8 hex digits`);
      entry.set(lang, hash);
    }
    hashes.set(key, entry);
  }
  return hashes;
}

/** Prettier's print width: an entry stays on one line when it fits, as Prettier would leave it (`npm run lint`). */
const PRINT_WIDTH = 140;

/**
 * Writes the hash file in the source's key order, one line per key where it fits, dropping hashes of keys the source no
 * longer has and of languages with no translation; written to a temporary file and renamed, so a failure leaves the old
 * file whole.
 */
export function writeSourceHashes(root: string, set: StringSet, table: StringTable, hashes: SourceHashes): void {
  const source = table[set.source] ?? new Map<string, LocatedText>();
  const recordedKeys = [...source.keys()]
    .map((key) => {
      const recorded = hashes.get(key);
      const pairs = FEDERATION_LANGUAGES.filter((lang) => lang !== set.source && recorded?.has(lang) && table[lang]?.has(key)).map(
        (lang) => `${JSON.stringify(lang)}: ${JSON.stringify(recorded?.get(lang))}`,
      );
      return { key: JSON.stringify(key), pairs };
    })
    .filter(({ pairs }) => pairs.length > 0);
  const entries = recordedKeys.map(({ key, pairs }, index) => {
    const comma = index < recordedKeys.length - 1 ? ',' : '';
    const oneLine = `  ${key}: { ${pairs.join(', ')} }${comma}`;
    if (oneLine.length <= PRINT_WIDTH) return oneLine;
    return [`  ${key}: {`, pairs.map((pair) => `    ${pair}`).join(',\n'), `  }${comma}`].join('\n');
  });
  const path = join(root, set.hashFile);
  writeFileSync(`${path}.tmp`, entries.length === 0 ? '{}\n' : `{\n${entries.join('\n')}\n}\n`);
  renameSync(`${path}.tmp`, path);
}

/** A translation that is missing, or was made from a source text other than today's. */
export interface TranslationFinding {
  readonly set: string;
  readonly file: string;
  readonly key: string;
  readonly lang: Language;
  readonly source: string;
  readonly translation?: string;
  /** The hash recorded with the translation; absent when none was ever recorded. */
  readonly recorded?: string;
  readonly current: string;
}

export interface FreshnessReport {
  readonly stale: TranslationFinding[];
  readonly missing: TranslationFinding[];
  /** Hashes recorded for a key or language that has no such string: `set.hashFile: key [lang]`. */
  readonly orphaned: string[];
}

export function checkFreshness(set: StringSet, table: StringTable, hashes: SourceHashes): FreshnessReport {
  const source = table[set.source] ?? new Map<string, LocatedText>();
  const report: FreshnessReport = { stale: [], missing: [], orphaned: [] };
  for (const lang of FEDERATION_LANGUAGES) {
    if (lang === set.source) continue;
    for (const [key, { text }] of source) {
      const current = sourceHash(text);
      const translation = table[lang]?.get(key);
      const base = { set: set.id, key, lang, source: text, current };
      if (!translation) {
        report.missing.push({ ...base, file: set.fileOf(lang) });
        continue;
      }
      const recorded = hashes.get(key)?.get(lang);
      if (recorded !== current) report.stale.push({ ...base, file: translation.file, translation: translation.text, recorded });
    }
  }
  for (const [key, perLanguage] of hashes)
    for (const lang of perLanguage.keys())
      if (lang === set.source || !source.has(key) || !table[lang]?.has(key)) report.orphaned.push(`${set.hashFile}: ${key} [${lang}]`);
  return report;
}
