import { describe, expect, it } from 'vitest';
import { projectRoot } from '@ots/config';
import { completenessProblems } from './completeness.js';
import { checkFreshness, readSourceHashes, type TranslationFinding } from './freshness.js';
import { stringSets } from './string-sets.js';

const root = projectRoot();
const sets = stringSets(root);
const named = (finding: TranslationFinding): string =>
  `${finding.file}: ${finding.key} [${finding.lang}] ` +
  (finding.recorded ? `was translated from source ${finding.recorded}, the source is now ${finding.current}` : 'records no source hash');

/**
 * The project's own translations, every string set of libs/i18n/src/translation/string-sets.ts. A failure names the file,
 * the key and the language; `npm run i18n:status` shows the same with both texts, and docs/translating.md says what to do.
 */
describe.each(sets.map((set) => [set.id, set] as const))('string set %s', (_id, set) => {
  const table = set.read(root);

  it('has every translation made from the current source text', () => {
    const report = checkFreshness(set, table, readSourceHashes(root, set));
    expect(report.stale.map(named)).toEqual([]);
    expect(report.orphaned).toEqual([]);
  });

  it('has every key in all nine languages, with the source placeholders, translated, in the expected alphabet', () => {
    expect(table[set.source]?.size).toBeGreaterThan(0);
    expect(completenessProblems(set, table)).toEqual([]);
  });
});

describe('string sets', () => {
  it("cover every service catalog, the country names, the catalog terms, the error messages, the demo narration, fedctl's messages and the console", () => {
    expect(sets.map((set) => set.id)).toEqual([
      'country-names',
      'catalog-terms',
      'services-AZ',
      'services-HU',
      'services-KG',
      'services-KZ',
      'services-TM',
      'services-TR',
      'services-UZ',
      'error-messages',
      'demo-narration',
      'cli-messages',
      'console',
    ]);
  });

  it('each keep their hashes in a file of their own', () => expect(new Set(sets.map((set) => set.hashFile)).size).toBe(sets.length));
});
