/**
 * A root key thumbprint in a form two admins can read to each other over the telephone: groups of four characters,
 * and a twelve-digit comparison code derived from the thumbprint's bytes (a quick first check before the groups).
 */
export const GROUP_SIZE = 4;

/** Spaces and line breaks a person types between groups are not part of it; a hyphen is (base64url). */
export const normalizeThumbprint = (input: string): string => input.replace(/\s+/g, '');

export function thumbprintGroups(thumbprint: string): string[] {
  const clean = normalizeThumbprint(thumbprint);
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += GROUP_SIZE) groups.push(clean.slice(i, i + GROUP_SIZE));
  return groups;
}

/** The first five bytes of the SHA-256 thumbprint as a twelve-digit number in groups of three, e.g. `042 917 335 108`. */
export function comparisonCode(thumbprint: string): string {
  const clean = normalizeThumbprint(thumbprint);
  if (!/^[A-Za-z0-9_-]{43}$/.test(clean)) return '';
  const binary = atob(clean.replace(/-/g, '+').replace(/_/g, '/') + '=');
  let value = 0n;
  for (let i = 0; i < 5; i++) value = value * 256n + BigInt(binary.charCodeAt(i));
  const digits = (value % 10n ** 12n).toString().padStart(12, '0');
  return digits.replace(/(\d{3})(?=\d)/g, '$1 ');
}

export interface GroupComparison {
  expected: string;
  received: string;
  same: boolean;
}

/**
 * Group by group, what the node fetched against what the partner's admin read out; `matches` only when the whole
 * thumbprint is the same (a missing or extra group is a difference too).
 */
export function compareThumbprints(fetched: string, received: string): { matches: boolean; groups: GroupComparison[] } {
  const expected = thumbprintGroups(fetched);
  const got = thumbprintGroups(received);
  const groups = Array.from({ length: Math.max(expected.length, got.length) }, (_, i) => {
    const e = expected[i] ?? '';
    const r = got[i] ?? '';
    return { expected: e, received: r, same: e === r };
  });
  return { matches: normalizeThumbprint(fetched) === normalizeThumbprint(received) && expected.length > 0, groups };
}
