import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, parseFederationConfig } from '@ots/config';
import { reloadProblems } from './reload-check.js';

const dir = defaultFederationConfigDir();
const shipped = JSON.parse(readFileSync(join(dir, 'federation.json'), 'utf8')) as { countries: Record<string, unknown>[] };
const parse = (edit: (raw: typeof shipped) => void) => {
  const raw = structuredClone(shipped);
  edit(raw);
  return parseFederationConfig(JSON.stringify(raw), dir);
};
const current = parse(() => undefined);

describe(reloadProblems.name, () => {
  it('takes a file that adds a country', () => {
    const next = parse((raw) =>
      raw.countries.push({ ...structuredClone(raw.countries[0]), code: 'XC', role: 'observer', port: 4008 } as Record<string, unknown>),
    );
    expect(reloadProblems(current, next, 'KZ')).toEqual([]);
    expect(next.country('XC')?.role).toBe('observer');
  });

  it("refuses a file without the node's own country", () => {
    expect(
      reloadProblems(
        current,
        parse((raw) => raw.countries.splice(0, 1)),
        'KZ',
      ),
    ).toEqual(["countries: KZ, this node's country, is missing"]);
  });

  it('refuses a change to what the running node was started with', () => {
    const next = parse((raw) => {
      raw.countries[0].port = 4101;
      raw.countries[0].personId = { scheme: 'ZZZ', pattern: '^[0-9]+$' };
    });
    expect(reloadProblems(current, next, 'KZ')).toEqual([
      'KZ: port: is 4001 in the running node, 4101 in the new file; restart to change it',
      'KZ: personId.scheme: is IIN in the running node, ZZZ in the new file; restart to change it',
    ]);
    expect(reloadProblems(current, next, 'TR')).toEqual([]);
  });
});
