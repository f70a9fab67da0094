import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './config.errors.js';
import { COUNTRY_CODE_RULE, isCountryCode } from './country-code.js';
import { FederationConfig, FEDERATION_LANGUAGES, type CountryDefinition, type Language } from './federation-config.js';
import { describeIssues } from './zod-issues.js';

/**
 * SQLite's page cache per connection unless SQLITE_CACHE_MIB says otherwise: SQLite's own default. better-sqlite3
 * builds SQLite with 16 MB, which a node fills only as its database grows (about 1 MiB a minute at a partner under
 * the soak's traffic) and which buys nothing measurable: a node's lookups go by key into files far larger than
 * either, and the system's page cache holds the file anyway (docs/benchmarks.md, soak).
 */
export const SQLITE_CACHE_MIB_DEFAULT = 2;

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { message: 'must be one of on/off, true/false, 1/0, yes/no' })
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .url('must be a URL')
    .refine((u) => protocols.includes(new URL(u).protocol), `must use ${protocols.join(' or ')}`)
    .optional();

/**
 * The classes of work a caller without a verified token is limited on, each with its own budget per client
 * address and minute: `graphql` is every GraphQL root field with no class of its own; `snapshot`, `statusList`
 * and `wellKnown` are also HTTP routes.
 */
export const RATE_LIMIT_CLASSES = [
  'graphql',
  'catalog',
  'federatedSearch',
  'verify',
  'deliver',
  'snapshot',
  'statusList',
  'wellKnown',
] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];

/** The variable of each class's budget, and its default (0 turns one off). */
export const RATE_LIMIT_SETTINGS: Record<RateLimitClass, { variable: string; perMinute: number }> = {
  graphql: { variable: 'RATE_LIMIT_PER_MINUTE', perMinute: 1200 },
  catalog: { variable: 'RATE_LIMIT_CATALOG_PER_MINUTE', perMinute: 6000 },
  federatedSearch: { variable: 'RATE_LIMIT_FEDERATED_SEARCH_PER_MINUTE', perMinute: 600 },
  verify: { variable: 'RATE_LIMIT_VERIFY_PER_MINUTE', perMinute: 12_000 },
  deliver: { variable: 'RATE_LIMIT_DELIVER_PER_MINUTE', perMinute: 60_000 },
  snapshot: { variable: 'RATE_LIMIT_SNAPSHOT_PER_MINUTE', perMinute: 600 },
  statusList: { variable: 'RATE_LIMIT_STATUS_LIST_PER_MINUTE', perMinute: 1200 },
  wellKnown: { variable: 'RATE_LIMIT_WELL_KNOWN_PER_MINUTE', perMinute: 600 },
};

const perMinute = (fallback: number) => z.coerce.number({ message: 'must be a number' }).int().min(0).max(1_000_000).default(fallback);

/** Every setting with the variable or flag it comes from; flags win over variables. */
const settingsSchema = z
  .object({
    NODE_COUNTRY: z.string({ message: 'is required (--country KZ or NODE_COUNTRY=KZ)' }).refine(isCountryCode, COUNTRY_CODE_RULE),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be 1-65535')
      .max(65535, 'must be 1-65535')
      .optional(),
    PORT_OFFSET: z.coerce.number({ message: 'must be a number' }).int().min(0).max(60000).default(0),
    DATA_DIR: z.string().min(1).default('data'),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    PUBLIC_BASE_URL: optionalUrl(['http:', 'https:']),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('log'),
    DEV_IDP: booleanFlag.default(false),
    OIDC_ISSUER: optionalUrl(['http:', 'https:']),
    OIDC_JWKS_URL: optionalUrl(['http:', 'https:']),
    OIDC_CONSOLE_CLIENT_ID: z
      .string()
      .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1-200 printable characters without spaces')
      .optional(),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DEFAULT_LANGUAGE: z.enum(FEDERATION_LANGUAGES).optional(),
    STATUS_LIST_TTL: z.coerce.number({ message: 'must be a number of seconds' }).int().min(1).max(86400).default(300),
    STATUS_UNKNOWN_POLICY: z.enum(['accept', 'reject'], { message: 'must be accept or reject' }).default('accept'),
    TRUST_REFRESH_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int()
      .min(0)
      .max(7 * 86400)
      .default(3600),
    PARTNER_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(50).max(60_000).default(2000),
    ...Object.fromEntries(Object.values(RATE_LIMIT_SETTINGS).map(({ variable, perMinute: fallback }) => [variable, perMinute(fallback)])),
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_KEY_FILE: z.string().min(1).optional(),
    PARTNER_CA_FILE: z.string().min(1).optional(),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).default(15),
    OUTBOX_BASE_DELAY_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(10).max(600_000).default(500),
    SQLITE_CACHE_MIB: z.coerce.number({ message: 'must be a number of MiB' }).int().min(1).max(4096).default(SQLITE_CACHE_MIB_DEFAULT),
    METRICS_TOKEN: z
      .string()
      .min(32, 'must be at least 32 characters (a random secret)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:']),
    PARTNER_PROBE_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(0).max(3600).default(15),
    // Under the outbox's 30 s lease, so that a send still waiting is never claimed a second time.
    KEY_BACKEND: z.enum(['file', 'pkcs11'], { message: 'must be file or pkcs11' }).default('file'),
    KEY_PASSPHRASE_FILE: z.string().min(1).optional(),
    PKCS11_MODULE: z.string().min(1).optional(),
    PKCS11_TOKEN_LABEL: z.string().min(1).max(32).optional(),
    PKCS11_PIN_FILE: z.string().min(1).optional(),
    DELIVER_TIMEOUT_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int()
      .min(100, 'must be 100-25000 (under the 30 s outbox lease)')
      .max(25_000, 'must be 100-25000 (under the 30 s outbox lease)')
      .default(10_000),
  })
  .superRefine((s, ctx) => {
    if (Boolean(s.OIDC_ISSUER) !== Boolean(s.OIDC_JWKS_URL)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_JWKS_URL'], message: 'OIDC_ISSUER and OIDC_JWKS_URL go together' });
    }
    if (s.OIDC_CONSOLE_CLIENT_ID && !s.OIDC_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CONSOLE_CLIENT_ID'], message: 'needs OIDC_ISSUER and OIDC_JWKS_URL' });
    }
    if (s.KEY_BACKEND === 'pkcs11') {
      for (const name of ['PKCS11_MODULE', 'PKCS11_TOKEN_LABEL', 'PKCS11_PIN_FILE'] as const) {
        if (!s[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required with KEY_BACKEND=pkcs11' });
      }
      if (s.KEY_PASSPHRASE_FILE)
        ctx.addIssue({ code: 'custom', path: ['KEY_PASSPHRASE_FILE'], message: 'is for KEY_BACKEND=file (a token keeps its keys itself)' });
    } else {
      for (const name of ['PKCS11_MODULE', 'PKCS11_TOKEN_LABEL', 'PKCS11_PIN_FILE'] as const) {
        if (s[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is for KEY_BACKEND=pkcs11' });
      }
    }
    if (Boolean(s.TLS_CERT_FILE) !== Boolean(s.TLS_KEY_FILE)) {
      ctx.addIssue({ code: 'custom', path: ['TLS_KEY_FILE'], message: 'TLS_CERT_FILE and TLS_KEY_FILE go together' });
    }
  });

const FLAG_TO_VARIABLE = {
  country: 'NODE_COUNTRY',
  host: 'HOST',
  port: 'PORT',
  'port-offset': 'PORT_OFFSET',
  'data-dir': 'DATA_DIR',
  'database-url': 'DATABASE_URL',
  'public-url': 'PUBLIC_BASE_URL',
  'log-level': 'LOG_LEVEL',
} as const;

/**
 * Where the node's private keys live (docs/admin-guide.md, "Key ceremony"): keys.json, encrypted at rest when a
 * passphrase file is given, or a PKCS #11 token.
 */
export type KeyBackendSettings =
  { kind: 'file'; passphraseFile: string | undefined } | { kind: 'pkcs11'; module: string; tokenLabel: string; pinFile: string };

/**
 * The node's settings, validated once at start-up and injected everywhere
 * (one class, typed getters; nothing reads `process.env` after this).
 */
export class NodeConfig {
  constructor(
    readonly country: CountryDefinition,
    readonly host: string,
    readonly port: number,
    /** This node's own folder: `<DATA_DIR>/<country>`. */
    readonly dataDir: string,
    readonly databaseUrl: string | undefined,
    readonly publicBaseUrl: string,
    readonly logLevel: LogLevel,
    readonly devIdentityProvider: boolean,
    /** The country's identity provider; `consoleClientId` is the operator console's public client there (sign-in with PKCE). */
    readonly oidc: { issuer: string; jwksUrl: string; consoleClientId: string | undefined } | undefined,
    readonly graphqlIntrospection: boolean,
    readonly production: boolean,
    readonly defaultLanguage: Language,
    /** Longest time a fetched status list is trusted, and the `ttl` this node announces in its own. */
    readonly statusListTtlSeconds: number,
    /** What verification concludes when a document's status list cannot be fetched. */
    readonly statusUnknownPolicy: 'accept' | 'reject',
    /** How often partners' entity configurations are re-read (key continuity); 0 turns it off. */
    readonly trustRefreshSeconds: number,
    /** How long a federated query waits for one partner. */
    readonly partnerTimeoutMs: number,
    /** Each class's budget per minute and client address for callers without a verified token; 0 turns one off. */
    readonly rateLimitsPerMinute: Record<RateLimitClass, number>,
    /** The PEM certificate chain and private key the node listens with (HTTPS); undefined: plain HTTP. */
    readonly tls: { certFile: string; keyFile: string } | undefined,
    /** PEM certificates partners' HTTPS certificates may also chain to, besides the system's CAs. */
    readonly partnerCaFile: string | undefined,
    /** After this many failed sends a message is parked as dead for an admin to look at. */
    readonly outboxMaxAttempts: number,
    /** First retry delay; it doubles with each attempt (with jitter), up to five minutes. */
    readonly outboxBaseDelayMs: number,
    /** The bearer token `/metrics` asks of callers that are not on a loopback address; undefined: loopback only. */
    readonly metricsToken: string | undefined,
    /** Where spans go (OTLP over HTTP); undefined: no OpenTelemetry export. */
    readonly otlpEndpoint: string | undefined,
    /** How often every partner is probed for the `ots_partner_up` gauge; 0 turns it off. */
    readonly partnerProbeSeconds: number,
    /** How long one delivery to a partner may take, answer included, before it counts as a failed attempt. */
    readonly deliverTimeoutMs: number,
    readonly keyBackend: KeyBackendSettings,
    /** SQLite's page cache, in MiB (unused on PostgreSQL). */
    readonly sqliteCacheMib: number,
  ) {}

  get countryCode(): string {
    return this.country.code;
  }

  get graphqlEndpoint(): string {
    return `${this.publicBaseUrl}/graphql`;
  }

  get sqliteFile(): string {
    return resolve(this.dataDir, 'node.sqlite');
  }
}

/** Reads flags (`--country KZ --port 4001 ...`) and variables; throws ConfigError naming every bad one. */
export function loadNodeConfig(argv: readonly string[], env: NodeJS.ProcessEnv, federation: FederationConfig): NodeConfig {
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.keys(FLAG_TO_VARIABLE).map((f) => [f, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (err) {
    throw new ConfigError(`command line: ${(err as Error).message}`);
  }
  const merged: Record<string, string | undefined> = {};
  for (const key of Object.keys(settingsSchema.shape ?? {})) merged[key] = env[key] === '' ? undefined : env[key];
  for (const [flag, variable] of Object.entries(FLAG_TO_VARIABLE)) {
    if (flags[flag] !== undefined) merged[variable] = flags[flag];
  }
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) throw new ConfigError(`config: ${describeIssues(parsed.error.issues)}`);
  const s = parsed.data;

  const country = federation.country(s.NODE_COUNTRY);
  if (!country) {
    throw new ConfigError(
      `config: NODE_COUNTRY: unknown country ${s.NODE_COUNTRY}; federation-config lists ${federation.countries.map((c) => c.code).join(', ')}`,
      { country: s.NODE_COUNTRY },
    );
  }
  const port = s.PORT ?? country.port + s.PORT_OFFSET;
  if (port > 65535) throw new ConfigError(`config: PORT_OFFSET: ${country.code}'s port ${country.port} + ${s.PORT_OFFSET} is over 65535`);
  const production = s.NODE_ENV === 'production';
  if (production && s.DEV_IDP)
    throw new ConfigError('config: DEV_IDP: the development identity provider cannot run with NODE_ENV=production');
  const scheme = s.TLS_CERT_FILE ? 'https' : 'http';
  const publicBaseUrl = (s.PUBLIC_BASE_URL ?? `${scheme}://${s.HOST === '0.0.0.0' ? '127.0.0.1' : s.HOST}:${port}`).replace(/\/+$/, '');

  return new NodeConfig(
    country,
    s.HOST,
    port,
    resolve(s.DATA_DIR, country.code),
    s.DATABASE_URL,
    publicBaseUrl,
    s.LOG_LEVEL,
    s.DEV_IDP,
    s.OIDC_ISSUER && s.OIDC_JWKS_URL
      ? { issuer: s.OIDC_ISSUER, jwksUrl: s.OIDC_JWKS_URL, consoleClientId: s.OIDC_CONSOLE_CLIENT_ID }
      : undefined,
    s.GRAPHQL_INTROSPECTION ?? !production,
    production,
    s.DEFAULT_LANGUAGE ?? country.defaultLanguage,
    s.STATUS_LIST_TTL,
    s.STATUS_UNKNOWN_POLICY,
    s.TRUST_REFRESH_SECONDS,
    s.PARTNER_TIMEOUT_MS,
    Object.fromEntries(
      RATE_LIMIT_CLASSES.map((c) => [c, (s as Record<string, unknown>)[RATE_LIMIT_SETTINGS[c].variable] as number]),
    ) as Record<RateLimitClass, number>,
    s.TLS_CERT_FILE && s.TLS_KEY_FILE ? { certFile: resolve(s.TLS_CERT_FILE), keyFile: resolve(s.TLS_KEY_FILE) } : undefined,
    s.PARTNER_CA_FILE ? resolve(s.PARTNER_CA_FILE) : undefined,
    s.OUTBOX_MAX_ATTEMPTS,
    s.OUTBOX_BASE_DELAY_MS,
    s.METRICS_TOKEN,
    s.OTEL_EXPORTER_OTLP_ENDPOINT,
    s.PARTNER_PROBE_SECONDS,
    s.DELIVER_TIMEOUT_MS,
    s.KEY_BACKEND === 'pkcs11'
      ? {
          kind: 'pkcs11',
          module: resolve(s.PKCS11_MODULE as string),
          tokenLabel: s.PKCS11_TOKEN_LABEL as string,
          pinFile: resolve(s.PKCS11_PIN_FILE as string),
        }
      : { kind: 'file', passphraseFile: s.KEY_PASSPHRASE_FILE ? resolve(s.KEY_PASSPHRASE_FILE) : undefined },
    s.SQLITE_CACHE_MIB,
  );
}
