/**
 * Picks the response language (docs/protocol section 8): the explicit `lang`
 * argument if given, else the best supported entry of Accept-Language
 * (RFC 9110 q-values, primary subtag match), else the node's default.
 * Returns undefined only when an explicit language is unsupported, so the
 * caller can refuse it with the list of supported ones.
 *
 * @example
 * negotiateLanguage({ explicit: undefined, acceptLanguage: 'ru-RU;q=0.9, kk', supported, fallback: 'en' }) // 'kk'
 */
export function negotiateLanguage<L extends string>(input: {
  explicit?: string | null;
  acceptLanguage?: string | null;
  supported: readonly L[];
  fallback: L;
}): L | undefined {
  const { explicit, acceptLanguage, supported, fallback } = input;
  if (explicit !== undefined && explicit !== null) {
    const wanted = explicit.trim().toLowerCase();
    return supported.find((l) => l === wanted);
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? '')) {
    const primary = tag.split('-')[0] as string;
    const match = supported.find((l) => l === tag || l === primary);
    if (match) return match;
  }
  return fallback;
}

/** Language tags of an Accept-Language header, best first, without the ones refused with q=0. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .slice(0, 32)
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((e) => e.tag);
}
