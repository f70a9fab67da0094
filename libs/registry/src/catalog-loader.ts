import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigError, describeIssues, formatPath, type Language } from '@ots/config';
import {
  catalogFileSchema,
  FEDERATION_LANGUAGES,
  localeFileSchema,
  termsFileSchema,
  type ServiceDefinition,
  type ServiceText,
  type Terms,
} from './catalog.schema.js';

/** A country's catalog with the names and descriptions of its services in each language that has them. */
export interface Catalog {
  country: string;
  services: ServiceDefinition[];
  texts: Partial<Record<Language, Record<string, ServiceText>>>;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

/** Validation errors name the file, the service code when there is one, and the field. */
function describe(file: string, issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  return `${file}: ${issues
    .slice(0, 5)
    .map((issue) => {
      const [first, index, ...rest] = issue.path;
      if (first === 'services' && typeof index === 'number') {
        const code = (raw as { services?: { code?: unknown }[] })?.services?.[index]?.code;
        return `service ${typeof code === 'string' ? code : `#${index}`}: ${formatPath(rest) === '(root)' ? 'definition' : formatPath(rest)}: ${issue.message}`;
      }
      return `${formatPath(issue.path)}: ${issue.message}`;
    })
    .join('; ')}`;
}

/**
 * Reads and validates `services/<CC>.json` and its locale files. Every code
 * is unique and starts with the country; English texts are required, other
 * languages may be missing (the fallback chain covers them) but may not name
 * unknown services.
 */
export function loadCatalog(configDir: string, country: string): Catalog {
  const file = join(configDir, 'services', `${country}.json`);
  const raw = readJson(file);
  const parsed = catalogFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describe(file, parsed.error.issues, raw));
  if (parsed.data.country !== country) throw new ConfigError(`${file}: country: is ${parsed.data.country}, expected ${country}`);
  const codes = new Set<string>();
  for (const service of parsed.data.services) {
    if (!service.code.startsWith(`${country}-`))
      throw new ConfigError(`${file}: service ${service.code}: code: must start with ${country}-`);
    if (codes.has(service.code)) throw new ConfigError(`${file}: service ${service.code}: code: is used twice`);
    if (service.crossBorder.includes(country))
      throw new ConfigError(`${file}: service ${service.code}: crossBorder: must not list ${country} itself`);
    codes.add(service.code);
  }

  const texts: Catalog['texts'] = {};
  for (const lang of FEDERATION_LANGUAGES) {
    const localeFile = join(configDir, 'services', 'locales', `${country}.${lang}.json`);
    if (!existsSync(localeFile)) {
      if (lang === 'en') throw new ConfigError(`${localeFile}: cannot be read (ENOENT); English texts are required`);
      continue;
    }
    const localeRaw = readJson(localeFile);
    const locale = localeFileSchema.safeParse(localeRaw);
    if (!locale.success) {
      throw new ConfigError(
        `${localeFile}: ${locale.error.issues
          .slice(0, 5)
          .map((i) => `service ${String(i.path[0])}: ${formatPath(i.path.slice(1))}: ${i.message}`)
          .join('; ')}`,
      );
    }
    for (const code of Object.keys(locale.data)) {
      if (!codes.has(code)) throw new ConfigError(`${localeFile}: service ${code}: is not in ${country}.json`);
    }
    if (lang === 'en') {
      const missing = [...codes].filter((code) => !locale.data[code]);
      if (missing.length > 0) throw new ConfigError(`${localeFile}: service ${missing[0]}: name: the English text is required`);
    }
    texts[lang] = locale.data;
  }
  return { country, services: parsed.data.services, texts };
}

/** Names of categories, life events, online levels and audiences, per language (`locales/<lang>.json`). */
export function loadTerms(configDir: string): Partial<Record<Language, Terms>> {
  const terms: Partial<Record<Language, Terms>> = {};
  for (const lang of FEDERATION_LANGUAGES) {
    const file = join(configDir, 'locales', `${lang}.json`);
    if (!existsSync(file) && lang !== 'en') continue;
    const raw = readJson(file);
    const parsed = termsFileSchema.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`${file}: ${describeIssues(parsed.error.issues.slice(0, 5))}`);
    terms[lang] = parsed.data;
  }
  return terms;
}
