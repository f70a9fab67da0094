/**
 * Scheme-qualified person ids as the project writes them (`KZ:IIN:900101300123`, roles.ts): country, scheme,
 * number. The number's alphabet covers every scheme in federation-config (digits, FIN's letters, passports' -).
 */
const PERSON_ID = /\b([A-Z]{2}):([A-Z]{2,12}):([0-9A-Z-]{5,20})\b/g;

/** Keeps the first four and last two characters of the number: `KZ:IIN:9001******23`; a short one keeps less. */
export function maskPersonId(country: string, scheme: string, number: string): string {
  const keepStart = number.length >= 10 ? 4 : Math.max(1, number.length - 5);
  const keepEnd = number.length >= 8 ? 2 : 1;
  return `${country}:${scheme}:${number.slice(0, keepStart)}${'*'.repeat(number.length - keepStart - keepEnd)}${number.slice(-keepEnd)}`;
}

/** Every person id in `text` masked; what log lines go through before they are written. */
export function maskPersonIds(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(PERSON_ID, (_all, country: string, scheme: string, number: string) => maskPersonId(country, scheme, number));
}

/** The same over a value about to be logged: strings masked, objects and arrays walked (to a small depth). */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonIds(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { type: value.name, message: maskPersonIds(value.message), stack: value.stack && maskPersonIds(value.stack) };
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}
