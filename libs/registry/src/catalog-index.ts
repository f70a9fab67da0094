import type { Language } from '@ots/config';
import type { Catalog } from './catalog-loader.js';
import type { ServiceDefinition } from './catalog.schema.js';
import { matchesSearch, normalizeSearchText } from './search-text.js';

export interface ServiceFilter {
  category?: string | null;
  lifeEvent?: string | null;
  audience?: string | null;
  /** Services whose citizens of this country may apply through the federation. */
  crossBorderFor?: string | null;
  text?: string | null;
}

/** A service with its texts in one language; `language` says which, after the fallback chain. */
export interface LocalizedService extends ServiceDefinition {
  country: string;
  name: string;
  description: string;
  language: Language;
  retired: boolean;
}

/**
 * A catalog prepared for queries: texts resolved along the fallback chain
 * and normalised for search once per language, not once per request.
 */
export class CatalogIndex {
  private readonly byLanguage = new Map<Language, { services: LocalizedService[]; searchText: Map<string, string> }>();

  constructor(
    readonly catalog: Catalog,
    private readonly retired: ReadonlySet<string>,
    private readonly fallbackChain: (lang: Language) => Language[],
  ) {}

  /** Active services in `lang`, in code order. */
  all(lang: Language): LocalizedService[] {
    return this.prepared(lang).services.filter((s) => !s.retired);
  }

  /** One service by code, retired or not. */
  get(code: string, lang: Language): LocalizedService | undefined {
    return this.prepared(lang).services.find((s) => s.code === code);
  }

  filter(filter: ServiceFilter, lang: Language): LocalizedService[] {
    const { services, searchText } = this.prepared(lang);
    return services.filter(
      (s) =>
        !s.retired &&
        (!filter.category || s.category === filter.category) &&
        (!filter.lifeEvent || (s.lifeEvents as string[]).includes(filter.lifeEvent)) &&
        (!filter.audience || (s.audiences as string[]).includes(filter.audience)) &&
        (!filter.crossBorderFor || (s.crossBorder as string[]).includes(filter.crossBorderFor)) &&
        (!filter.text || matchesSearch(searchText.get(s.code) ?? '', filter.text)),
    );
  }

  private prepared(lang: Language): { services: LocalizedService[]; searchText: Map<string, string> } {
    let prepared = this.byLanguage.get(lang);
    if (!prepared) {
      const chain = this.fallbackChain(lang);
      const services = [...this.catalog.services]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((service): LocalizedService => {
          const language = chain.find((l) => this.catalog.texts[l]?.[service.code]) ?? 'en';
          const text = this.catalog.texts[language]?.[service.code] ?? { name: service.code, description: '' };
          return {
            ...service,
            country: this.catalog.country,
            name: text.name,
            description: text.description,
            language,
            retired: this.retired.has(service.code),
          };
        });
      const searchText = new Map(services.map((s) => [s.code, normalizeSearchText(`${s.name} ${s.description}`)]));
      prepared = { services, searchText };
      this.byLanguage.set(lang, prepared);
    }
    return prepared;
  }
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Relay-style slicing after an opaque cursor (the base64url of a code), `first` at most `max`. */
export function paginate<T extends { code: string }>(items: T[], first: number, after: string | null | undefined): Page<T> | 'BAD_CURSOR' {
  let start = 0;
  if (after) {
    const code = decodeCursor(after);
    const index = code === undefined ? -1 : items.findIndex((item) => item.code === code);
    if (index < 0) return 'BAD_CURSOR';
    start = index + 1;
  }
  const slice = items.slice(start, start + first);
  return { items: slice, hasNextPage: start + first < items.length, hasPreviousPage: start > 0, totalCount: items.length };
}

export const encodeCursor = (code: string): string => Buffer.from(`svc:${code}`).toString('base64url');

function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  return decoded.startsWith('svc:') ? decoded.slice(4) : undefined;
}
