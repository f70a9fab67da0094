import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FEDERATION_LANGUAGES, type Language } from '@ots/config';
import { federationNames, jsonFilePerLanguage, typescriptObjects, type StringTable } from './string-table.js';

/**
 * A group of strings translated together from one source language: the unit the freshness hashes, the completeness checks
 * and `i18n:status` work on. Everything the project translates is declared in `stringSets` below; a new group (the web
 * console's, say) is one more entry there.
 */
export interface StringSet {
  readonly id: string;
  readonly title: string;
  /** The language every other language of this set is translated from. */
  readonly source: Language;
  /** How a placeholder is written in this set's strings; the name inside is the first group. */
  readonly placeholder?: RegExp;
  /** The file, relative to the project root, holding the source hash each translation was made from. */
  readonly hashFile: string;
  /** Keys (or `key@lang`) whose translation may equal the source: names and codes written the same in every language. */
  readonly sameAsSource: ReadonlySet<string>;
  /** The file a translator edits to change `lang`'s strings. */
  fileOf(lang: Language): string;
  read(root: string): StringTable;
}

interface Declaration {
  id: string;
  title: string;
  source: Language;
  placeholder?: RegExp;
  hashFile: string;
  sameAsSource?: readonly string[];
  strings: { fileOf(lang: Language): string; read(root: string, languages: readonly Language[]): StringTable };
}

function declare({ strings, sameAsSource = [], ...rest }: Declaration): StringSet {
  return {
    ...rest,
    sameAsSource: new Set(sameAsSource),
    fileOf: (lang) => strings.fileOf(lang),
    read: (root) => strings.read(root, FEDERATION_LANGUAGES),
  };
}

function serviceCatalog(country: string): StringSet {
  return declare({
    id: `services-${country}`,
    title: `Service catalog of ${country}: names and descriptions`,
    source: 'en',
    hashFile: `federation-config/services/locales/${country}.sources.json`,
    strings: jsonFilePerLanguage(`federation-config/services/locales/${country}.{lang}.json`),
  });
}

/** The countries with a catalog, `federation-config/services/<CC>.json`: each gets its own string set. */
function catalogCountries(root: string): string[] {
  return readdirSync(join(root, 'federation-config', 'services'))
    .map((name) => /^([A-Z]{2})\.json$/.exec(name)?.[1])
    .filter((code): code is string => code !== undefined)
    .sort();
}

/** Every string set of the project, read from the checkout at `root`. */
export function stringSets(root: string): StringSet[] {
  return [
    declare({
      id: 'country-names',
      title: 'Country names (federation.json)',
      source: 'en',
      hashFile: 'federation-config/federation.sources.json',
      strings: federationNames('federation-config/federation.json'),
    }),
    declare({
      id: 'catalog-terms',
      title: 'Categories, life events, online levels and audiences of the catalogs',
      source: 'en',
      hashFile: 'federation-config/locales/sources.json',
      // Uzbek writes the word as English does.
      sameAsSource: ['category.transport@uz'],
      strings: jsonFilePerLanguage('federation-config/locales/{lang}.json'),
    }),
    ...catalogCountries(root).map(serviceCatalog),
    declare({
      id: 'error-messages',
      title: 'Error messages of the node (libs/i18n)',
      source: 'en',
      placeholder: /\{\{(\w+)\}\}/g,
      hashFile: 'libs/i18n/src/messages/sources.json',
      strings: typescriptObjects((lang) => ({ file: `libs/i18n/src/messages/${lang}.ts`, path: [lang] })),
    }),
    declare({
      id: 'demo-narration',
      title: 'Narration of `fedctl demo`',
      source: 'en',
      placeholder: /\{(\w+)\}/g,
      hashFile: 'apps/fedctl/src/demo/demo-texts.sources.json',
      strings: typescriptObjects((lang) => ({ file: 'apps/fedctl/src/demo/demo-texts.ts', path: ['DEMO_TEXTS', lang] })),
    }),
    declare({
      id: 'cli-messages',
      title: "fedctl's own messages (usage and connection errors, progress)",
      source: 'en',
      placeholder: /\{(\w+)\}/g,
      hashFile: 'apps/fedctl/src/i18n/cli-messages.sources.json',
      strings: typescriptObjects((lang) => ({ file: 'apps/fedctl/src/i18n/cli-messages.ts', path: [lang] })),
    }),
    declare({
      id: 'console',
      title: 'The operator console (apps/console)',
      source: 'en',
      placeholder: /\{(\w+)\}/g,
      hashFile: 'apps/console/src/i18n/sources.json',
      // The subject and roles as the token has them; words these languages write as English does.
      sameAsSource: [
        'app.signedInAs',
        ...['uz', 'az', 'tk'].flatMap((lang) => [`nav.audit@${lang}`, `roles.admin@${lang}`]),
        'federation.seconds@uz',
        'federation.seconds@tk',
        'cases.filterStatus@az',
      ],
      strings: jsonFilePerLanguage('apps/console/src/i18n/locales/{lang}.json'),
    }),
  ];
}
