/**
 * A compact JWS's header and payload as indented JSON, for reading (a receipt, say): decoded, not verified; the node
 * verified it when it arrived.
 */
export function describeJws(compact: string): string {
  const [header, payload] = compact.split('.');
  try {
    return JSON.stringify({ header: decodePart(header ?? ''), payload: decodePart(payload ?? '') }, null, 2);
  } catch {
    return compact;
  }
}

function decodePart(part: string): unknown {
  const binary = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
}
