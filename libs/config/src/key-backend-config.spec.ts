import { describe, expect, it } from 'vitest';
import { loadFederationConfig } from './federation-config.js';
import { loadNodeConfig } from './node-config.js';
import { defaultFederationConfigDir } from './project-root.js';

const federation = loadFederationConfig(defaultFederationConfigDir());
const load = (env: NodeJS.ProcessEnv) => loadNodeConfig(['--country', 'KZ'], env, federation);

describe('key backend settings', () => {
  it('defaults to the file backend without a passphrase', () => {
    expect(load({}).keyBackend).toEqual({ kind: 'file', passphraseFile: undefined });
  });

  it('asks for module, token label and PIN file together with KEY_BACKEND=pkcs11', () => {
    expect(() => load({ KEY_BACKEND: 'pkcs11', PKCS11_MODULE: '/usr/lib/softhsm/libsofthsm2.so' })).toThrow(
      /PKCS11_TOKEN_LABEL: is required with KEY_BACKEND=pkcs11.*PKCS11_PIN_FILE: is required/,
    );
    const config = load({ KEY_BACKEND: 'pkcs11', PKCS11_MODULE: '/m.so', PKCS11_TOKEN_LABEL: 'ots', PKCS11_PIN_FILE: '/pin' });
    expect(config.keyBackend).toEqual({ kind: 'pkcs11', module: '/m.so', tokenLabel: 'ots', pinFile: '/pin' });
  });

  it('refuses settings of the other backend and an unknown backend', () => {
    expect(() => load({ PKCS11_MODULE: '/m.so' })).toThrow(/PKCS11_MODULE: is for KEY_BACKEND=pkcs11/);
    expect(() =>
      load({
        KEY_BACKEND: 'pkcs11',
        PKCS11_MODULE: '/m.so',
        PKCS11_TOKEN_LABEL: 'ots',
        PKCS11_PIN_FILE: '/pin',
        KEY_PASSPHRASE_FILE: '/p',
      }),
    ).toThrow(/KEY_PASSPHRASE_FILE: is for KEY_BACKEND=file/);
    expect(() => load({ KEY_BACKEND: 'vault' })).toThrow(/KEY_BACKEND: must be file or pkcs11/);
  });
});
