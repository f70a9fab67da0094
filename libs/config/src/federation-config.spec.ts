import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.errors.js';
import { defaultFederationConfigDir } from './project-root.js';
import { FederationConfig, loadFederationConfig, parseFederationConfig } from './federation-config.js';

const dir = defaultFederationConfigDir();
const valid = (): Record<string, any> => JSON.parse(readFileSync(join(dir, 'federation.json'), 'utf8'));

function refusal(mutate: (config: Record<string, any>) => void): string {
  const config = valid();
  mutate(config);
  try {
    parseFederationConfig(JSON.stringify(config), dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe(FederationConfig.name, () => {
  it('loads the shipped federation: five members, two observers, nine languages', () => {
    const sut = loadFederationConfig(dir);
    expect(sut.members.map((c) => c.code)).toEqual(['KZ', 'TR', 'KG', 'UZ', 'AZ']);
    expect(sut.countries.filter((c) => c.role === 'observer').map((c) => c.code)).toEqual(['HU', 'TM']);
    expect(sut.languages).toHaveLength(9);
    expect(sut.country('KZ')?.personId.scheme).toBe('IIN');
    expect(sut.country('TR')?.names.tr).toBe('Türkiye Cumhuriyeti');
    expect(sut.fallbackChain('ky')).toEqual(['ky', 'ru', 'en']);
  });

  it.each([
    ['a missing name', (c: any) => delete c.countries[1].names.hu, 'countries[1].names.hu'],
    ['an empty name', (c: any) => (c.countries[0].names.kk = ' '), 'countries[0].names.kk'],
    ['a port out of range', (c: any) => (c.countries[2].port = 70000), 'countries[2].port'],
    ['a port that is not a number', (c: any) => (c.countries[2].port = '4003'), 'countries[2].port'],
    ['a lower-case country code', (c: any) => (c.countries[3].code = 'uz'), 'countries[3].code'],
    ['a duplicate country', (c: any) => (c.countries[4].code = 'KZ'), 'countries[4].code'],
    ['a duplicate port', (c: any) => (c.countries[4].port = 4001), 'countries[4].port'],
    ['an unknown default language', (c: any) => (c.countries[0].defaultLanguage = 'de'), 'countries[0].defaultLanguage'],
    ['a bad person-id pattern', (c: any) => (c.countries[0].personId.pattern = '[0-9'), 'countries[0].personId.pattern'],
    ['an unknown role', (c: any) => (c.countries[5].role = 'guest'), 'countries[5].role'],
    ['an unknown field', (c: any) => (c.countries[0].capital = 'Astana'), 'countries[0]'],
    ['a missing language', (c: any) => (c.languages = ['kk', 'ru']), 'languages'],
  ])('refuses %s and names the field', (_case, mutate, field) => {
    const message = refusal(mutate);
    expect(message).toContain('federation.json');
    expect(message).toContain(field);
  });

  it('refuses a file that is not JSON', () => {
    expect(() => parseFederationConfig('{ "countries": [', dir)).toThrow(/not valid JSON/);
  });

  it('refuses a missing file with its path', () => {
    expect(() => loadFederationConfig('/nonexistent/federation-config')).toThrow(
      /\/nonexistent\/federation-config\/federation.json: cannot be read \(ENOENT\)/,
    );
  });
});
