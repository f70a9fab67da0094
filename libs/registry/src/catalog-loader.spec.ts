import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, loadFederationConfig } from '@ots/config';
import { loadCatalog, loadTerms } from './catalog-loader.js';
import { CatalogIndex } from './catalog-index.js';

const shipped = defaultFederationConfigDir();
const federation = loadFederationConfig(shipped);

function copyOfConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ots-catalog-'));
  cpSync(shipped, dir, { recursive: true });
  return dir;
}

function refusal(mutate: (catalog: any) => void, country = 'TR'): string {
  const dir = copyOfConfig();
  const file = join(dir, 'services', `${country}.json`);
  const catalog = JSON.parse(readFileSync(file, 'utf8'));
  mutate(catalog);
  writeFileSync(file, JSON.stringify(catalog));
  try {
    loadCatalog(dir, country);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the catalog was accepted');
}

describe(loadCatalog.name, () => {
  it.each(['KZ', 'TR', 'KG', 'UZ', 'AZ'])('loads the %s catalog: at least 20 services, texts in all nine languages', (country) => {
    const catalog = loadCatalog(shipped, country);
    expect(catalog.services.length).toBeGreaterThanOrEqual(20);
    for (const lang of federation.languages) expect(Object.keys(catalog.texts[lang] ?? {})).toHaveLength(catalog.services.length);
    expect(catalog.services.some((s) => s.code === `${country}-RP-WORK` && s.crossBorder.length > 0)).toBe(true);
  });

  it.each(['HU', 'TM'])('loads the observer %s catalog with at least 8 services', (country) => {
    expect(loadCatalog(shipped, country).services.length).toBeGreaterThanOrEqual(8);
  });

  it('has real translations, not copies of the English', () => {
    const catalog = loadCatalog(shipped, 'KZ');
    const en = catalog.texts.en ?? {};
    for (const lang of ['kk', 'ru', 'tr', 'ky', 'uz', 'az', 'hu', 'tk'] as const) {
      const same = Object.entries(catalog.texts[lang] ?? {}).filter(([code, text]) => text.name === en[code]?.name);
      expect(same, `${lang} names equal to English`).toEqual([]);
    }
  });

  it.each([
    ['an enum value', (c: any) => (c.services[0].category = 'leisure'), 'service TR-RP-WORK: category:'],
    ['an array of enums', (c: any) => (c.services[1].lifeEvents = ['winning-the-lottery']), 'service TR-RP-STUDY: lifeEvents[0]:'],
    ['an empty array', (c: any) => (c.services[0].audiences = []), 'service TR-RP-WORK: audiences: needs at least one audience'],
    ['a country list', (c: any) => (c.services[0].crossBorder = ['ZZ']), 'service TR-RP-WORK: crossBorder[0]:'],
    [
      'its own country as cross-border',
      (c: any) => (c.services[0].crossBorder = ['TR']),
      'service TR-RP-WORK: crossBorder: must not list TR itself',
    ],
    ['a doc type', (c: any) => (c.services[0].requiredEvidence = ['passport-scan']), 'service TR-RP-WORK: requiredEvidence[0]:'],
    ['a number', (c: any) => (c.services[0].processingDays = -1), 'service TR-RP-WORK: processingDays:'],
    [
      'a nested object',
      (c: any) => (c.services[0].fee = { amount: 10, currency: 'lira' }),
      'service TR-RP-WORK: fee.currency: must be an ISO 4217 code',
    ],
    ['an empty string', (c: any) => (c.services[0].legalBasis = ' '), 'service TR-RP-WORK: legalBasis: must name the law'],
    ['a code format', (c: any) => (c.services[0].code = 'tr_rp'), 'service tr_rp: code: must look like TR-RP-WORK'],
    ['a duplicate code', (c: any) => (c.services[1].code = 'TR-RP-WORK'), 'service TR-RP-WORK: code: is used twice'],
    ['a form field', (c: any) => (c.services[0].form.fields[0].type = 'file'), 'service TR-RP-WORK: form.fields[0].type:'],
    ['an unknown field', (c: any) => (c.services[0].colour = 'red'), 'service TR-RP-WORK: definition: Unrecognized key'],
  ])('refuses a bad %s, naming file, service and field', (_kind, mutate, expected) => {
    const message = refusal(mutate);
    expect(message).toContain('services/TR.json');
    expect(message).toContain(expected);
  });

  it('refuses a locale file naming an unknown service, and a missing English text', () => {
    const dir = copyOfConfig();
    const file = join(dir, 'services', 'locales', 'TR.kk.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'TR-NO-SUCH': { name: 'x', description: 'y' } }));
    expect(() => loadCatalog(dir, 'TR')).toThrow(/TR\.kk\.json: service TR-NO-SUCH: is not in TR\.json/);
    const other = copyOfConfig();
    rmSync(join(other, 'services', 'locales', 'TR.en.json'));
    expect(() => loadCatalog(other, 'TR')).toThrow(/TR\.en\.json: cannot be read \(ENOENT\)/);
  });

  it('loads the names of categories and life events in every language', () => {
    const terms = loadTerms(shipped);
    expect(Object.keys(terms)).toHaveLength(9);
    expect(terms.tr?.category['citizenship-migration']).toBeTruthy();
  });
});

describe(CatalogIndex.name, () => {
  const catalog = loadCatalog(shipped, 'UZ');
  const withoutKyrgyz = { ...catalog, texts: { ...catalog.texts, ky: {} } };
  const sut = new CatalogIndex(withoutKyrgyz, new Set(['UZ-RP-STUDY']), (lang) => federation.fallbackChain(lang));

  it('filters by category, life event, audience and cross-border country together', () => {
    const found = sut.filter({ category: 'citizenship-migration', lifeEvent: 'moving-abroad', crossBorderFor: 'KZ' }, 'en');
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.category).toBe('citizenship-migration');
      expect(s.lifeEvents).toContain('moving-abroad');
      expect(s.crossBorder).toContain('KZ');
    }
  });

  it('finds residence permits by their Uzbek name, ignoring case and the oʻ apostrophe', () => {
    const codes = sut.filter({ text: 'YASHASH uchun ruxsatnoma' }, 'uz').map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['UZ-RP-WORK', 'UZ-RP-FAMILY', 'UZ-RP-PERMANENT']));
    const everything = new CatalogIndex(catalog, new Set(), (lang) => federation.fallbackChain(lang));
    expect(everything.filter({ text: 'OQISH yashash' }, 'uz').map((s) => s.code)).toContain('UZ-RP-STUDY');
  });

  it('leaves retired services out of lists but keeps them readable by code', () => {
    expect(sut.all('en').map((s) => s.code)).not.toContain('UZ-RP-STUDY');
    expect(sut.get('UZ-RP-STUDY', 'en')).toMatchObject({ retired: true });
  });

  it('falls back along the configured chain and says which language it used', () => {
    expect(sut.get('UZ-RP-WORK', 'ky')).toMatchObject({ language: 'ru' });
    expect(sut.get('UZ-RP-WORK', 'uz')).toMatchObject({ language: 'uz' });
  });
});
