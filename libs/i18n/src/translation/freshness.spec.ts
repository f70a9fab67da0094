import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEDERATION_LANGUAGES, projectRoot } from '@ots/config';
import { checkFreshness, readSourceHashes, sourceHash } from './freshness.js';
import { markFresh } from './mark-fresh.js';
import { stringSets, type StringSet } from './string-sets.js';

const TRANSLATED = FEDERATION_LANGUAGES.filter((lang) => lang !== 'en');
let scratch: string;

/** A scratch checkout holding only what the string sets read: their files, their hash files and the catalogs' list. */
function copyStringSets(from: string, to: string): void {
  const copy = (file: string) => cpSync(join(from, file), join(to, file), { recursive: true });
  copy('federation-config');
  for (const set of stringSets(from)) {
    copy(set.hashFile);
    for (const lang of FEDERATION_LANGUAGES) copy(set.fileOf(lang));
  }
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(scratch, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

const set = (id: string): StringSet => stringSets(scratch).find((candidate) => candidate.id === id) as StringSet;
const stale = (id: string) => checkFreshness(set(id), set(id).read(scratch), readSourceHashes(scratch, set(id))).stale;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ots-i18n-'));
  copyStringSets(projectRoot(), scratch);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('freshness on a scratch copy', () => {
  it('starts with nothing stale, like the checkout', () => {
    for (const { id } of stringSets(scratch)) expect(stale(id), id).toEqual([]);
  });

  it('names the eight translations of a changed catalog source text, file by file', () => {
    edit('federation-config/services/locales/KZ.en.json', (text) =>
      text.replace('"IIN/BIN and tax registration for non-residents"', '"IIN/BIN and tax registration for non-resident individuals"'),
    );
    const found = stale('services-KZ');
    expect(found.map((f) => `${f.file} ${f.key} ${f.lang}`)).toEqual(
      TRANSLATED.map((lang) => `federation-config/services/locales/KZ.${lang}.json KZ-TAX-TIN.name ${lang}`),
    );
    expect(new Set(found.map((f) => f.current))).toEqual(
      new Set([sourceHash('IIN/BIN and tax registration for non-resident individuals')]),
    );
    expect(stale('services-TR')).toEqual([]);
  });

  it('reads TypeScript string tables from source: a changed English demo line makes its eight translations stale', () => {
    edit('apps/fedctl/src/demo/demo-texts.ts', (text) =>
      text.replace("done: 'Every step succeeded.'", "done: 'Every step of the demo succeeded.'"),
    );
    expect(stale('demo-narration').map((f) => `${f.file} ${f.key} ${f.lang}`)).toEqual(
      TRANSLATED.map((lang) => `apps/fedctl/src/demo/demo-texts.ts done ${lang}`),
    );
  });

  it('names the eight translations of a changed error message', () => {
    edit('libs/i18n/src/messages/en.ts', (text) =>
      text.replace("'This node has no records of {{subject}}.'", "'This node holds no records of {{subject}}.'"),
    );
    expect(stale('error-messages').map((f) => `${f.file} ${f.key} ${f.lang}`)).toEqual(
      TRANSLATED.map((lang) => `libs/i18n/src/messages/${lang}.ts UNKNOWN_PERSON ${lang}`),
    );
  });

  it('marking one translation fresh clears that one only, and records the new source hash', () => {
    edit('federation-config/federation.json', (text) => text.replace('"Republic of Kazakhstan"', '"The Republic of Kazakhstan"'));
    expect(stale('country-names')).toHaveLength(8);
    const marked = markFresh(scratch, stringSets(scratch), { file: 'federation-config/federation.json', keys: ['KZ'], languages: ['kk'] });
    expect(marked).toEqual([{ set: 'country-names', key: 'KZ', lang: 'kk', hash: sourceHash('The Republic of Kazakhstan') }]);
    expect(stale('country-names').map((f) => f.lang)).toEqual(TRANSLATED.filter((lang) => lang !== 'kk'));
  });

  it('a key names every string below it, and the language of a one-language file is implied', () => {
    edit('federation-config/services/locales/KZ.en.json', (text) => text.replaceAll('(IIN)', '(IIN, ЖСН)'));
    markFresh(scratch, stringSets(scratch), { file: join(scratch, 'federation-config/services/locales/KZ.tr.json'), keys: ['KZ-TAX-TIN'] });
    expect(stale('services-KZ').map((f) => f.lang)).toEqual(TRANSLATED.filter((lang) => lang !== 'tr'));
  });

  it('* marks every key of a language, as after translating a whole file', () => {
    edit('libs/i18n/src/messages/en.ts', (text) => text.replace("'Withdrawn'", "'Withdrawn by the applicant'"));
    edit('apps/fedctl/src/demo/demo-texts.ts', (text) => text.replace("done: 'Every step succeeded.'", "done: 'All steps succeeded.'"));
    const marked = markFresh(scratch, stringSets(scratch), { file: 'libs/i18n/src/messages/hu.ts', keys: ['*'] });
    expect(marked).toHaveLength(set('error-messages').read(scratch).en?.size ?? 0);
    expect(stale('error-messages').map((f) => f.lang)).toEqual(TRANSLATED.filter((lang) => lang !== 'hu'));
    expect(stale('demo-narration')).toHaveLength(8);
  });

  it('writes hash files as Prettier lays them out, whether an entry fits on one line or not', async () => {
    edit(set('services-KZ').hashFile, (text) => {
      const hashes = JSON.parse(text) as Record<string, Record<string, string>>;
      return JSON.stringify({ ...hashes, 'KZ-TAX-TIN.name': {} });
    });
    markFresh(scratch, stringSets(scratch), { file: 'federation-config/services/locales/KZ.tr.json', keys: ['KZ-TAX-TIN.name'] });
    const text = readFileSync(join(scratch, set('services-KZ').hashFile), 'utf8');
    expect(text).toMatch(/^ {2}"KZ-TAX-TIN\.name": \{ "tr": "[0-9a-f]{8}" \},$/m);
    expect(text).toMatch(/^ {2}"KZ-TAX-TIN\.description": \{\n {4}"kk": "[0-9a-f]{8}",$/m);
    const options = await resolveConfig(join(projectRoot(), set('services-KZ').hashFile));
    expect(await format(text, { ...options, parser: 'json' })).toBe(text);
  });

  it('refuses, writing nothing, what it cannot record', () => {
    const hashFile = join(scratch, set('services-KZ').hashFile);
    const before = readFileSync(hashFile, 'utf8');
    const attempt = (file: string, keys: string[], languages?: string[]) => () =>
      markFresh(scratch, stringSets(scratch), { file, keys, languages });
    expect(attempt('federation-config/services/locales/KZ.en.json', ['KZ-TAX-TIN'])).toThrow(/is the source of services-KZ/);
    expect(attempt('federation-config/services/locales/KZ.kk.json', ['KZ-NO-SUCH'])).toThrow(/has no key KZ-NO-SUCH/);
    expect(attempt('federation-config/services/locales/KZ.kk.json', ['KZ-TAX-TIN'], ['ru'])).toThrow(/holds the kk strings, not ru/);
    expect(attempt('federation-config/services/locales/KZ.kk.json', ['KZ-TAX-TIN'], ['xx'])).toThrow(/not a federation language/);
    expect(attempt('apps/fedctl/src/demo/demo-texts.ts', ['done'])).toThrow(/holds several languages/);
    expect(attempt('federation-config/services/KZ.json', ['KZ-TAX-TIN'])).toThrow(/not a translation file/);
    rmSync(join(scratch, 'federation-config/services/locales/KZ.hu.json'));
    expect(attempt('federation-config/services/locales/KZ.en.json', ['KZ-TAX-TIN'], ['all'])).toThrow(/has no hu translation/);
    expect(readFileSync(hashFile, 'utf8')).toBe(before);
  });

  it('counts a translation without a recorded hash as stale and a hash without a string as orphaned', () => {
    const kz = set('services-KZ');
    edit(kz.hashFile, (text) => {
      const hashes = JSON.parse(text) as Record<string, Record<string, string>>;
      const { kk: _dropped, ...others } = hashes['KZ-TAX-TIN.name'] ?? {};
      return JSON.stringify({ ...hashes, 'KZ-TAX-TIN.name': { en: '00000000', ...others } });
    });
    const report = checkFreshness(kz, kz.read(scratch), readSourceHashes(scratch, kz));
    expect(report.stale.map((f) => [f.key, f.lang, f.recorded])).toEqual([['KZ-TAX-TIN.name', 'kk', undefined]]);
    expect(report.orphaned).toEqual([`${kz.hashFile}: KZ-TAX-TIN.name [en]`]);
  });

  it('refuses a hash file that is not language -> 8 hex digits', () => {
    const kz = set('services-KZ');
    writeFileSync(join(scratch, kz.hashFile), '{ "KZ-TAX-TIN.name": { "kk": "12345" } }');
    expect(() => readSourceHashes(scratch, kz)).toThrow(/KZ-TAX-TIN.name: kk: must be 8 hex digits/);
    expect(dirname(kz.hashFile)).toBe('federation-config/services/locales');
  });
});
