import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFederationConfig } from './federation-config.js';
import { loadNodeConfig, NodeConfig } from './node-config.js';
import { defaultFederationConfigDir } from './project-root.js';

const federation = loadFederationConfig(defaultFederationConfigDir());

describe(NodeConfig.name, () => {
  it('takes the country from --country and the port from federation-config', () => {
    const sut = loadNodeConfig(['--country', 'TR'], {}, federation);
    expect(sut.countryCode).toBe('TR');
    expect(sut.port).toBe(4002);
    expect(sut.publicBaseUrl).toBe('http://127.0.0.1:4002');
    expect(sut.graphqlEndpoint).toBe('http://127.0.0.1:4002/graphql');
    expect(sut.dataDir).toBe(resolve('data', 'TR'));
    expect(sut.defaultLanguage).toBe('tr');
    expect(sut.databaseUrl).toBeUndefined();
    expect(sut.devIdentityProvider).toBe(false);
  });

  it('reads variables, and flags win over them', () => {
    const sut = loadNodeConfig(
      ['--port', '5000'],
      { NODE_COUNTRY: 'KZ', PORT: '4500', DATA_DIR: '/tmp/x', DEV_IDP: 'on', LOG_LEVEL: 'warn' },
      federation,
    );
    expect(sut.countryCode).toBe('KZ');
    expect(sut.port).toBe(5000);
    expect(sut.dataDir).toBe('/tmp/x/KZ');
    expect(sut.devIdentityProvider).toBe(true);
    expect(sut.logLevel).toBe('warn');
  });

  it('gives every class of work its own per-address budget, each configurable and each off at 0', () => {
    expect(loadNodeConfig(['--country', 'TR'], {}, federation).rateLimitsPerMinute).toEqual({
      graphql: 1200,
      catalog: 6000,
      federatedSearch: 600,
      verify: 12_000,
      deliver: 60_000,
      snapshot: 600,
      statusList: 1200,
      wellKnown: 600,
    });
    const sut = loadNodeConfig(['--country', 'TR'], { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_DELIVER_PER_MINUTE: '5' }, federation);
    expect(sut.rateLimitsPerMinute).toMatchObject({ graphql: 0, deliver: 5, verify: 12_000 });
    expect(() => loadNodeConfig(['--country', 'TR'], { RATE_LIMIT_VERIFY_PER_MINUTE: 'lots' }, federation)).toThrow(
      /RATE_LIMIT_VERIFY_PER_MINUTE: must be a number/,
    );
    expect(() => loadNodeConfig(['--country', 'TR'], { RATE_LIMIT_WELL_KNOWN_PER_MINUTE: '-1' }, federation)).toThrow(
      /RATE_LIMIT_WELL_KNOWN_PER_MINUTE/,
    );
  });

  it('bounds a delivery by DELIVER_TIMEOUT_MS, which stays under the outbox lease', () => {
    expect(loadNodeConfig(['--country', 'TR'], {}, federation).deliverTimeoutMs).toBe(10_000);
    expect(loadNodeConfig(['--country', 'TR'], { DELIVER_TIMEOUT_MS: '1500' }, federation).deliverTimeoutMs).toBe(1500);
    expect(() => loadNodeConfig(['--country', 'TR'], { DELIVER_TIMEOUT_MS: '30000' }, federation)).toThrow(
      /DELIVER_TIMEOUT_MS: must be 100-25000 \(under the 30 s outbox lease\)/,
    );
    expect(() => loadNodeConfig(['--country', 'TR'], { DELIVER_TIMEOUT_MS: 'soon' }, federation)).toThrow(
      /DELIVER_TIMEOUT_MS: must be a number/,
    );
  });

  it('sizes the SQLite page cache from SQLITE_CACHE_MIB, 2 MiB unless told', () => {
    expect(loadNodeConfig(['--country', 'TR'], {}, federation).sqliteCacheMib).toBe(2);
    expect(loadNodeConfig(['--country', 'TR'], { SQLITE_CACHE_MIB: '64' }, federation).sqliteCacheMib).toBe(64);
    for (const bad of ['0', 'lots', '1.5', '5000'])
      expect(() => loadNodeConfig(['--country', 'TR'], { SQLITE_CACHE_MIB: bad }, federation)).toThrow(/SQLITE_CACHE_MIB: /);
  });

  it('listens with TLS when given a certificate and key, which go together', () => {
    const sut = loadNodeConfig(['--country', 'TR'], { TLS_CERT_FILE: '/etc/ots/cert.pem', TLS_KEY_FILE: '/etc/ots/key.pem' }, federation);
    expect(sut.tls).toEqual({ certFile: '/etc/ots/cert.pem', keyFile: '/etc/ots/key.pem' });
    expect(sut.publicBaseUrl).toBe('https://127.0.0.1:4002');
    expect(loadNodeConfig(['--country', 'TR'], {}, federation).tls).toBeUndefined();
    expect(() => loadNodeConfig(['--country', 'TR'], { TLS_CERT_FILE: '/etc/ots/cert.pem' }, federation)).toThrow(
      /TLS_KEY_FILE: TLS_CERT_FILE and TLS_KEY_FILE go together/,
    );
  });

  it('moves every port by PORT_OFFSET', () => {
    expect(loadNodeConfig(['--country', 'UZ', '--port-offset', '100'], {}, federation).port).toBe(4104);
  });

  it.each([
    [[], {}, /NODE_COUNTRY: is required/],
    [['--country', 'XX'], {}, /unknown country XX; federation-config lists KZ, TR/],
    [['--country', 'kz'], {}, /NODE_COUNTRY: must be an ISO 3166-1 alpha-2 code or a user-assigned one/],
    [['--country', 'KZ', '--port', 'abc'], {}, /PORT: must be a number/],
    [['--country', 'KZ', '--port', '99999'], {}, /PORT: must be 1-65535/],
    [['--country', 'KZ', '--colour', 'red'], {}, /command line: .*colour/],
    [['--country', 'KZ'], { DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must use postgres: or postgresql:/],
    [['--country', 'KZ'], { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    [['--country', 'KZ'], { DEV_IDP: 'maybe' }, /DEV_IDP: must be one of/],
    [['--country', 'KZ'], { DEV_IDP: 'on', NODE_ENV: 'production' }, /cannot run with NODE_ENV=production/],
    [['--country', 'KZ'], { OIDC_ISSUER: 'https://idp.egov.kz' }, /OIDC_ISSUER and OIDC_JWKS_URL go together/],
    [['--country', 'KZ'], { OIDC_CONSOLE_CLIENT_ID: 'ots-console' }, /OIDC_CONSOLE_CLIENT_ID: needs OIDC_ISSUER/],
    [
      ['--country', 'KZ'],
      { OIDC_ISSUER: 'https://idp.egov.kz', OIDC_JWKS_URL: 'https://idp.egov.kz/jwks', OIDC_CONSOLE_CLIENT_ID: 'ots console' },
      /OIDC_CONSOLE_CLIENT_ID: must be 1-200 printable/,
    ],
  ])('refuses %j %j with a message naming the setting', (argv, env, expected) => {
    expect(() => loadNodeConfig(argv, env, federation)).toThrow(expected);
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadNodeConfig(['--country', 'KZ'], { NODE_ENV: 'production' }, federation).graphqlIntrospection).toBe(false);
    expect(
      loadNodeConfig(['--country', 'KZ'], { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'on' }, federation).graphqlIntrospection,
    ).toBe(true);
    expect(loadNodeConfig(['--country', 'KZ'], {}, federation).graphqlIntrospection).toBe(true);
  });
});
