import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ConfigError, type Language } from '@ots/config';

/** One translated (or source) text and the file, relative to the project root, a translator edits to change it. */
export interface LocatedText {
  readonly text: string;
  readonly file: string;
}

/** Every text of a string set: language -> key -> text. A language with no file or no entry for a key lacks that key. */
export type StringTable = Partial<Record<Language, ReadonlyMap<string, LocatedText>>>;

function readText(root: string, file: string): string | undefined {
  const path = join(root, file);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8');
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects become dotted keys (`KZ-TAX-TIN.name`), so a key names one string wherever it sits. */
function flatten(file: string, value: Record<string, unknown>, prefix: string, into: Map<string, LocatedText>): void {
  for (const [name, child] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof child === 'string') into.set(key, { text: child, file });
    else if (isObject(child)) flatten(file, child, key, into);
    else throw new ConfigError(`${file}: ${key}: must be a string or an object of strings`);
  }
}

/** A JSON file per language, `{lang}` in the pattern standing for the language code (i18next resource files). */
export function jsonFilePerLanguage(pattern: string) {
  const fileOf = (lang: Language): string => pattern.replaceAll('{lang}', lang);
  return {
    fileOf,
    read(root: string, languages: readonly Language[]): StringTable {
      const table: StringTable = {};
      for (const lang of languages) {
        const file = fileOf(lang);
        const text = readText(root, file);
        if (text === undefined) continue;
        const raw = parseJson(file, text);
        if (!isObject(raw)) throw new ConfigError(`${file}: must be a JSON object`);
        const strings = new Map<string, LocatedText>();
        flatten(file, raw, '', strings);
        table[lang] = strings;
      }
      return table;
    },
  };
}

/** The country names in `federation.json`: `countries[].names[lang]`, keyed by the country code. */
export function federationNames(file: string) {
  return {
    fileOf: (): string => file,
    read(root: string, languages: readonly Language[]): StringTable {
      const text = readText(root, file);
      if (text === undefined) throw new ConfigError(`${file}: cannot be read (ENOENT)`);
      const raw = parseJson(file, text);
      const countries = isObject(raw) ? raw.countries : undefined;
      if (!Array.isArray(countries)) throw new ConfigError(`${file}: countries: must be a list`);
      const table: StringTable = {};
      for (const lang of languages) table[lang] = new Map();
      for (const country of countries) {
        if (!isObject(country) || typeof country.code !== 'string' || !isObject(country.names))
          throw new ConfigError(`${file}: countries: every country needs a code and names`);
        for (const lang of languages) {
          const name = country.names[lang];
          if (typeof name === 'string') (table[lang] as Map<string, LocatedText>).set(country.code, { text: name, file });
        }
      }
      return table;
    },
  };
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current))
    current = current.expression;
  return current;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** A string literal, a template without substitutions, or `+` of those: what a translator writes; anything else is refused. */
function stringValue(node: ts.Expression): string | undefined {
  const value = unwrap(node);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = stringValue(value.left);
    const right = stringValue(value.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

function exportedObject(source: ts.SourceFile, name: string): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
        const value = unwrap(declaration.initializer);
        if (ts.isObjectLiteralExpression(value)) return value;
      }
    }
  }
  return undefined;
}

function childObject(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralExpression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === name) {
      const value = unwrap(property.initializer);
      return ts.isObjectLiteralExpression(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * Strings held in a TypeScript module as an exported object literal. `location(lang)` gives the file and the path to the
 * language's object: `['kk']` for `export const kk = {...}`, `['DEMO_TEXTS', 'kk']` for one object holding every language.
 * The source is parsed, never executed, so the same reader works on a scratch copy and on an unbuilt checkout.
 */
export function typescriptObjects(location: (lang: Language) => { file: string; path: readonly [string, ...string[]] }) {
  return {
    fileOf: (lang: Language): string => location(lang).file,
    read(root: string, languages: readonly Language[]): StringTable {
      const table: StringTable = {};
      const parsed = new Map<string, ts.SourceFile | undefined>();
      for (const lang of languages) {
        const { file, path } = location(lang);
        if (!parsed.has(file)) {
          const text = readText(root, file);
          parsed.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
        }
        const source = parsed.get(file);
        if (!source) continue;
        const [exported, ...properties] = path;
        let object = exportedObject(source, exported);
        for (const name of properties) object = object && childObject(object, name);
        if (!object) continue;
        const strings = new Map<string, LocatedText>();
        for (const property of object.properties) {
          const key = ts.isPropertyAssignment(property) ? propertyName(property.name) : undefined;
          const text = key === undefined ? undefined : stringValue((property as ts.PropertyAssignment).initializer);
          if (key === undefined || text === undefined)
            throw new ConfigError(`${file}: ${path.join('.')}: every entry must be a plain string literal under a plain key`);
          strings.set(key, { text, file });
        }
        table[lang] = strings;
      }
      return table;
    },
  };
}
