import { FEDERATION_LANGUAGES, type Language } from '@ots/config';
import { checkFreshness, readSourceHashes, type TranslationFinding } from './freshness.js';
import type { StringSet } from './string-sets.js';
import { EXPECTED_WRITING_SYSTEM, LANGUAGE_NAMES } from './writing-systems.js';

export interface TranslationStatus {
  readonly sets: { id: string; title: string; source: Language; keys: number }[];
  readonly stale: TranslationFinding[];
  readonly missing: TranslationFinding[];
  readonly orphaned: string[];
}

/** Reads every string set and its hash file once and collects what a translator has to do. */
export function collectTranslationStatus(root: string, sets: readonly StringSet[]): TranslationStatus {
  const status: TranslationStatus = { sets: [], stale: [], missing: [], orphaned: [] };
  for (const set of sets) {
    const table = set.read(root);
    const report = checkFreshness(set, table, readSourceHashes(root, set));
    status.sets.push({ id: set.id, title: set.title, source: set.source, keys: table[set.source]?.size ?? 0 });
    status.stale.push(...report.stale);
    status.missing.push(...report.missing);
    status.orphaned.push(...report.orphaned);
  }
  return status;
}

const MARK_FRESH = 'npm run i18n:mark-fresh --';

function describeFinding(finding: TranslationFinding, sourceOf: (set: string) => Language): string[] {
  const source = sourceOf(finding.set);
  const why =
    finding.translation === undefined
      ? 'missing'
      : finding.recorded === undefined
        ? 'stale: no source hash was ever recorded for it'
        : `stale: translated from an earlier ${source} text (${finding.recorded}; the ${source} text is now ${finding.current})`;
  const lines = [`    ${finding.key}  ${why}`, `      ${source}: ${finding.source}`];
  if (finding.translation !== undefined) lines.push(`      ${finding.lang}: ${finding.translation}`);
  return lines;
}

/** The status as text: a summary line per language, then each language's work, file by file, with both texts side by side. */
export function formatTranslationStatus(status: TranslationStatus, languages: readonly Language[] = FEDERATION_LANGUAGES): string {
  const sourceOf = (id: string): Language => status.sets.find((set) => set.id === id)?.source ?? 'en';
  const lines = ['String sets (source language, keys):'];
  for (const set of status.sets) lines.push(`  ${set.id.padEnd(16)} ${set.source}  ${String(set.keys).padStart(4)}  ${set.title}`);
  lines.push('', 'Language                      stale  missing');
  const of = (lang: Language) => ({
    stale: status.stale.filter((f) => f.lang === lang),
    missing: status.missing.filter((f) => f.lang === lang),
  });
  for (const lang of languages) {
    const { stale, missing } = of(lang);
    const label = `${lang}  ${LANGUAGE_NAMES[lang]} (${EXPECTED_WRITING_SYSTEM[lang]})`;
    lines.push(`  ${label.padEnd(28)} ${String(stale.length).padStart(5)}  ${String(missing.length).padStart(7)}`);
  }
  for (const lang of languages) {
    const { stale, missing } = of(lang);
    const work = [...stale, ...missing];
    if (work.length === 0) continue;
    lines.push('', `${lang}  ${LANGUAGE_NAMES[lang]}: ${stale.length} stale, ${missing.length} missing`);
    for (const file of [...new Set(work.map((f) => f.file))]) {
      lines.push(`  ${file}`);
      for (const finding of work.filter((f) => f.file === file)) lines.push(...describeFinding(finding, sourceOf));
    }
  }
  const total = status.stale.length + status.missing.length;
  lines.push(
    '',
    total === 0
      ? 'Every translation was made from the current source text.'
      : `After translating a string from its source, record it: ${MARK_FRESH} <file> <key> [--lang <lang>]`,
  );
  if (status.orphaned.length > 0)
    lines.push(
      '',
      'Hashes of strings that no longer exist (the next mark-fresh of the set drops them):',
      ...status.orphaned.map((o) => `  ${o}`),
    );
  return lines.join('\n');
}
