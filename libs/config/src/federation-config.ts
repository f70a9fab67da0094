import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config.errors.js';
import { countryCodeSchema } from './country-code.js';
import { describeIssues } from './zod-issues.js';

/** The nine languages of the federation (docs/protocol section 8); every text exists in each. */
export const FEDERATION_LANGUAGES = ['kk', 'ru', 'tr', 'ky', 'uz', 'az', 'en', 'hu', 'tk'] as const;
export type Language = (typeof FEDERATION_LANGUAGES)[number];

/** What a country is in the federation: members and observers run the same node. */
export const COUNTRY_ROLES = ['member', 'observer'] as const;
export type CountryRole = (typeof COUNTRY_ROLES)[number];

const languageSchema = z.enum(FEDERATION_LANGUAGES);

const namesSchema = z
  .object(
    Object.fromEntries(FEDERATION_LANGUAGES.map((lang) => [lang, z.string().trim().min(1, `the ${lang} name is empty`)])) as Record<
      Language,
      z.ZodString
    >,
  )
  .strict();

const countrySchema = z
  .object({
    code: countryCodeSchema,
    role: z.enum(COUNTRY_ROLES),
    defaultLanguage: languageSchema,
    port: z.number().int().min(1024).max(65535),
    personId: z
      .object({
        scheme: z.string().regex(/^[A-Z]{2,10}$/, 'must be 2-10 upper-case letters'),
        pattern: z.string().refine(isValidRegExp, 'is not a valid regular expression'),
      })
      .strict(),
    names: namesSchema,
  })
  .strict();

const federationSchema = z
  .object({
    protocolVersion: z.string().min(1),
    languages: z.array(languageSchema).refine((l) => FEDERATION_LANGUAGES.every((x) => l.includes(x)), {
      message: `must list all of ${FEDERATION_LANGUAGES.join(', ')}`,
    }),
    workingLanguage: languageSchema,
    fallbackLanguages: z.record(languageSchema, z.array(languageSchema)),
    countries: z.array(countrySchema).min(1),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seenCodes = new Set<string>();
    const seenPorts = new Set<number>();
    value.countries.forEach((country, index) => {
      if (seenCodes.has(country.code))
        ctx.addIssue({ code: 'custom', path: ['countries', index, 'code'], message: `duplicate country ${country.code}` });
      if (seenPorts.has(country.port))
        ctx.addIssue({ code: 'custom', path: ['countries', index, 'port'], message: `port ${country.port} is used twice` });
      seenCodes.add(country.code);
      seenPorts.add(country.port);
    });
  });

export type CountryDefinition = z.infer<typeof countrySchema>;
type FederationDefinition = z.infer<typeof federationSchema>;

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

interface FederationState {
  definition: FederationDefinition;
  directory: string;
  byCode: ReadonlyMap<string, CountryDefinition>;
}

/**
 * The validated `federation-config/federation.json`: who is in the federation and how each country is reached
 * locally. A running node takes a new one with `adopt` (one object everybody holds, its content replaced whole at
 * once), so a country added to the file needs no restart.
 */
export class FederationConfig {
  private state: FederationState;

  constructor(definition: FederationDefinition, directory: string) {
    this.state = { definition, directory, byCode: new Map(definition.countries.map((c) => [c.code, c])) };
  }

  get protocolVersion(): string {
    return this.state.definition.protocolVersion;
  }

  get languages(): readonly Language[] {
    return this.state.definition.languages;
  }

  get workingLanguage(): Language {
    return this.state.definition.workingLanguage;
  }

  get countries(): readonly CountryDefinition[] {
    return this.state.definition.countries;
  }

  get directory(): string {
    return this.state.directory;
  }

  /** Takes `next`'s content in one step; the caller has validated it (parseFederationConfig and its own checks). */
  adopt(next: FederationConfig): void {
    this.state = next.state;
  }

  country(code: string): CountryDefinition | undefined {
    return this.state.byCode.get(code);
  }

  get members(): CountryDefinition[] {
    return this.countries.filter((c) => c.role === 'member');
  }

  /** The languages to try, in order, when a text is missing in `lang`: `lang` itself first. */
  fallbackChain(lang: Language): Language[] {
    return [lang, ...(this.state.definition.fallbackLanguages[lang] ?? []).filter((l) => l !== lang)];
  }
}

/** Parses and validates federation.json; errors name the file and the field. */
export function parseFederationConfig(text: string, directory: string): FederationConfig {
  const file = join(directory, 'federation.json');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = federationSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${file}: ${describeIssues(result.error.issues)}`);
  return new FederationConfig(result.data, directory);
}

export function loadFederationConfig(directory: string): FederationConfig {
  const file = join(directory, 'federation.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseFederationConfig(text, directory);
}
