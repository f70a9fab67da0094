/**
 * The fields a refused form names in the node's `extensions.detail` ("texts.kk.name: is empty; fee.currency: must
 * be an ISO 4217 code"), each with the node's reason; list indexes dropped (`crossBorder[0]` marks `crossBorder`).
 */
export function refusedFields(detail: string | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of (detail ?? '').split('; ')) {
    const colon = part.indexOf(': ');
    if (colon < 0) continue;
    fields.set(part.slice(0, colon).replace(/\[\d+\]/g, ''), part.slice(colon + 2));
  }
  return fields;
}
