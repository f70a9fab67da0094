import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, describeIssues } from '@ots/config';
import type { HttpRegistersSettings } from './http-registers.js';

export const REGISTERS_ADAPTERS = ['file', 'http'] as const;

const ms = (fallback: number, max: number) => z.coerce.number({ message: 'must be a number' }).int().min(1).max(max).default(fallback);

const variablesSchema = z
  .object({
    REGISTERS_ADAPTER: z.enum(REGISTERS_ADAPTERS, { message: 'must be file or http' }).default('file'),
    REGISTERS_URL: z
      .string()
      .url('must be a URL')
      .refine((u) => ['http:', 'https:'].includes(new URL(u).protocol), 'must use http: or https:')
      .optional(),
    REGISTERS_API_KEY_FILE: z.string().min(1).optional(),
    REGISTERS_CLIENT_CERT_FILE: z.string().min(1).optional(),
    REGISTERS_CLIENT_KEY_FILE: z.string().min(1).optional(),
    REGISTERS_CA_FILE: z.string().min(1).optional(),
    REGISTERS_TIMEOUT_MS: ms(3_000, 60_000),
    REGISTERS_RETRIES: z.coerce.number({ message: 'must be a number' }).int().min(0).max(5).default(2),
    REGISTERS_BACKOFF_MS: ms(200, 10_000),
    REGISTERS_BREAKER_FAILURES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(5),
    REGISTERS_BREAKER_OPEN_MS: ms(30_000, 600_000),
  })
  .superRefine((v, ctx) => {
    if (v.REGISTERS_ADAPTER !== 'http') return;
    if (!v.REGISTERS_URL) ctx.addIssue({ code: 'custom', path: ['REGISTERS_URL'], message: 'is required with REGISTERS_ADAPTER=http' });
    const mtls = v.REGISTERS_CLIENT_CERT_FILE !== undefined || v.REGISTERS_CLIENT_KEY_FILE !== undefined;
    if (mtls && !(v.REGISTERS_CLIENT_CERT_FILE && v.REGISTERS_CLIENT_KEY_FILE))
      ctx.addIssue({
        code: 'custom',
        path: ['REGISTERS_CLIENT_KEY_FILE'],
        message: 'REGISTERS_CLIENT_CERT_FILE and _KEY_FILE go together',
      });
    if (!mtls && !v.REGISTERS_API_KEY_FILE)
      ctx.addIssue({
        code: 'custom',
        path: ['REGISTERS_API_KEY_FILE'],
        message: 'with REGISTERS_ADAPTER=http, give an API key file or a client certificate (REGISTERS_CLIENT_CERT_FILE/_KEY_FILE)',
      });
    if (v.REGISTERS_URL?.startsWith('http:') && mtls)
      ctx.addIssue({ code: 'custom', path: ['REGISTERS_URL'], message: 'mutual TLS needs an https: URL' });
  });

export type RegistersConfig = { adapter: 'file' } | { adapter: 'http'; http: HttpRegistersSettings };

/**
 * The registers' settings from the environment, checked at start-up: a bad value, a missing credential or an
 * unreadable file stops the node with CONFIG_INVALID naming the variable.
 *
 * @example
 * registersConfig({ REGISTERS_ADAPTER: 'http', REGISTERS_URL: 'https://reg.gov.kz/ots/v1', REGISTERS_API_KEY_FILE: '/run/secrets/key' })
 */
export function registersConfig(env: Record<string, string | undefined>): RegistersConfig {
  const parsed = variablesSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`registers: ${describeIssues(parsed.error.issues)}`);
  const v = parsed.data;
  if (v.REGISTERS_ADAPTER === 'file') return { adapter: 'file' };
  const read = (variable: keyof typeof v, path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(
        `registers: ${variable}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
  };
  const apiKey = read('REGISTERS_API_KEY_FILE', v.REGISTERS_API_KEY_FILE)?.trim();
  if (v.REGISTERS_API_KEY_FILE && !apiKey) throw new ConfigError(`registers: REGISTERS_API_KEY_FILE: ${v.REGISTERS_API_KEY_FILE} is empty`);
  return {
    adapter: 'http',
    http: {
      baseUrl: v.REGISTERS_URL as string,
      apiKey,
      tls: {
        cert: read('REGISTERS_CLIENT_CERT_FILE', v.REGISTERS_CLIENT_CERT_FILE),
        key: read('REGISTERS_CLIENT_KEY_FILE', v.REGISTERS_CLIENT_KEY_FILE),
        ca: read('REGISTERS_CA_FILE', v.REGISTERS_CA_FILE),
      },
      timeoutMs: v.REGISTERS_TIMEOUT_MS,
      retries: v.REGISTERS_RETRIES,
      backoffMs: v.REGISTERS_BACKOFF_MS,
      breaker: { failureThreshold: v.REGISTERS_BREAKER_FAILURES, openMs: v.REGISTERS_BREAKER_OPEN_MS },
    },
  };
}
