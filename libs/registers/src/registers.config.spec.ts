import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registersConfig } from './registers.config.js';

const dir = mkdtempSync(join(tmpdir(), 'ots-registers-config-'));
const keyFile = join(dir, 'key');
writeFileSync(keyFile, 'secret\n');

describe(registersConfig.name, () => {
  it('defaults to the file adapter, so the local federation needs no setting', () => {
    expect(registersConfig({})).toEqual({ adapter: 'file' });
  });

  it('reads the HTTP settings and the API key from its file', () => {
    const config = registersConfig({
      REGISTERS_ADAPTER: 'http',
      REGISTERS_URL: 'https://reg.example/ots/v1',
      REGISTERS_API_KEY_FILE: keyFile,
    });
    expect(config).toMatchObject({
      adapter: 'http',
      http: { baseUrl: 'https://reg.example/ots/v1', apiKey: 'secret', timeoutMs: 3000, retries: 2, breaker: { failureThreshold: 5 } },
    });
  });

  it.each([
    [{ REGISTERS_ADAPTER: 'soap' }, /REGISTERS_ADAPTER: must be file or http/],
    [{ REGISTERS_ADAPTER: 'http', REGISTERS_API_KEY_FILE: keyFile }, /REGISTERS_URL: is required/],
    [
      { REGISTERS_ADAPTER: 'http', REGISTERS_URL: 'https://reg.example' },
      /REGISTERS_API_KEY_FILE: with REGISTERS_ADAPTER=http, give an API key/,
    ],
    [{ REGISTERS_ADAPTER: 'http', REGISTERS_URL: 'https://reg.example', REGISTERS_CLIENT_CERT_FILE: keyFile }, /go together/],
    [
      {
        REGISTERS_ADAPTER: 'http',
        REGISTERS_URL: 'http://reg.example',
        REGISTERS_CLIENT_CERT_FILE: keyFile,
        REGISTERS_CLIENT_KEY_FILE: keyFile,
      },
      /https: URL/,
    ],
    [
      { REGISTERS_ADAPTER: 'http', REGISTERS_URL: 'https://reg.example', REGISTERS_API_KEY_FILE: join(dir, 'missing') },
      /cannot read .*ENOENT/,
    ],
    [
      { REGISTERS_ADAPTER: 'http', REGISTERS_URL: 'https://reg.example', REGISTERS_API_KEY_FILE: keyFile, REGISTERS_RETRIES: '9' },
      /REGISTERS_RETRIES/,
    ],
  ])('refuses %j at start-up with CONFIG_INVALID', (env, message) => {
    expect(() => registersConfig(env)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) }),
    );
  });
});
