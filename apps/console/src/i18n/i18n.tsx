import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import az from './locales/az.json';
import en from './locales/en.json';
import hu from './locales/hu.json';
import kk from './locales/kk.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';
import tk from './locales/tk.json';
import tr from './locales/tr.json';
import uz from './locales/uz.json';

/**
 * The console's strings, one file per federation language (string set `console`, docs/translating.md). English is
 * the source: a key missing in a translation shows in English.
 */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type StringKey = Leaves<typeof en>;

export const LANGUAGES = ['kk', 'ru', 'tr', 'ky', 'uz', 'az', 'en', 'hu', 'tk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  kk: 'Қазақша',
  ru: 'Русский',
  tr: 'Türkçe',
  ky: 'Кыргызча',
  uz: 'Oʻzbekcha',
  az: 'Azərbaycanca',
  en: 'English',
  hu: 'Magyar',
  tk: 'Türkmençe',
};

const flatten = (value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> => {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (typeof child === 'string') into.set(`${prefix}${key}`, child);
    else flatten(child, `${prefix}${key}.`, into);
  }
  return into;
};

const TABLES: Record<Language, Map<string, string>> = {
  kk: flatten(kk),
  ru: flatten(ru),
  tr: flatten(tr),
  ky: flatten(ky),
  uz: flatten(uz),
  az: flatten(az),
  en: flatten(en),
  hu: flatten(hu),
  tk: flatten(tk),
};

const STORAGE_KEY = 'ots-console-language';

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** `{name}` placeholders filled from `params`. */
export function translate(lang: Language, key: StringKey, params: Record<string, string | number> = {}): string {
  const text = TABLES[lang].get(key) ?? TABLES.en.get(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ fallback, children }: { fallback: string; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
    const browser = navigator.languages.map((l) => l.slice(0, 2)).find(isLanguage);
    return browser ?? (isLanguage(fallback) ? fallback : 'en');
  });
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
