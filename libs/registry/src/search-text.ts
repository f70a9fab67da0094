/**
 * Letters that Unicode does not decompose into a base letter and a mark,
 * folded to the Latin or Cyrillic letter a person types on a keyboard
 * without them (Turkish ı, Azerbaijani ə, the Kazakh and Kyrgyz letters).
 */
const FOLD: Record<string, string> = {
  ı: 'i',
  ə: 'e',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ß: 'ss',
};

/**
 * Case- and diacritic-insensitive form for search: NFKD, marks dropped,
 * special letters folded, apostrophes of Uzbek oʻ/gʻ removed, everything
 * else that is not a letter or digit turned into single spaces.
 *
 * @example
 * normalizeSearchText('Oturma İzni') === normalizeSearchText('oturma izni') // true
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıəәғқңөұүһіß]/g, (c) => FOLD[c] ?? c)
    .replace(/[ʻʼ'`‘’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every word of the query appears, as a prefix or inside a word, in the text. */
export function matchesSearch(normalizedText: string, query: string): boolean {
  const words = normalizeSearchText(query).split(' ').filter(Boolean);
  return words.length > 0 && words.every((word) => normalizedText.includes(word));
}
