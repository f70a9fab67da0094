import { describe, expect, it } from 'vitest';
import { compareThumbprints, comparisonCode, normalizeThumbprint, thumbprintGroups } from './thumbprint';

const THUMBPRINT = 'rBWrJZLMUhuPpJR2guKtH-DbJw7t7ZVBNbGFt0doZho';

describe('thumbprints read over the telephone', () => {
  it('splits into groups of four, the last one shorter', () => {
    const groups = thumbprintGroups(THUMBPRINT);
    expect(groups).toHaveLength(11);
    expect(groups[0]).toBe('rBWr');
    expect(groups[10]).toBe('Zho');
    expect(groups.join('')).toBe(THUMBPRINT);
  });

  it('ignores the spaces a person types between groups, but keeps the hyphens of base64url', () => {
    expect(normalizeThumbprint('rBWr JZLM\nUhuP')).toBe('rBWrJZLMUhuP');
    expect(normalizeThumbprint('KtH- DbJw')).toBe('KtH-DbJw');
    expect(thumbprintGroups(thumbprintGroups(THUMBPRINT).join(' '))).toEqual(thumbprintGroups(THUMBPRINT));
  });

  it('derives a twelve-digit code that changes with one character', () => {
    const code = comparisonCode(THUMBPRINT);
    expect(code).toMatch(/^\d{3} \d{3} \d{3} \d{3}$/);
    expect(comparisonCode(`A${THUMBPRINT.slice(1)}`)).not.toBe(code);
    expect(comparisonCode('too-short')).toBe('');
  });

  it('matches only the same thumbprint, and marks each differing group', () => {
    expect(compareThumbprints(THUMBPRINT, thumbprintGroups(THUMBPRINT).join(' ')).matches).toBe(true);
    const typo = `${THUMBPRINT.slice(0, 9)}X${THUMBPRINT.slice(10)}`;
    const compared = compareThumbprints(THUMBPRINT, typo);
    expect(compared.matches).toBe(false);
    expect(compared.groups.map((g) => g.same)).toEqual([true, true, false, true, true, true, true, true, true, true, true]);
    const shorter = compareThumbprints(THUMBPRINT, THUMBPRINT.slice(0, 40));
    expect(shorter.matches).toBe(false);
    expect(shorter.groups.filter((g) => !g.same)).toHaveLength(1);
    expect(compareThumbprints(THUMBPRINT, '').matches).toBe(false);
  });
});
