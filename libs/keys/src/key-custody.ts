import { join } from 'node:path';
import type { KeyBackendSettings } from '@ots/config';
import { FileKeyBackend, type KeyBackend } from './key-backend.js';
import { KeyFile, readSecretLine } from './key-file.js';
import { HsmPinWrongError, KeyPassphraseMissingError } from './keys.errors.js';
import { Pkcs11KeyBackend } from './pkcs11-key-backend.js';
import { KeyStore } from './key-store.js';

/** The configured backend, opened (token logged in), and the key file's passphrase when there is one. */
export function openKeyBackend(settings: KeyBackendSettings): { backend: KeyBackend; passphrase: string | undefined } {
  if (settings.kind === 'pkcs11') {
    const pin = readSecretLine(settings.pinFile);
    if (pin === undefined) throw new HsmPinWrongError(`PKCS11_PIN_FILE ${settings.pinFile} is missing or empty`);
    return { backend: Pkcs11KeyBackend.open({ module: settings.module, tokenLabel: settings.tokenLabel, pin }), passphrase: undefined };
  }
  const passphrase = settings.passphraseFile === undefined ? undefined : readSecretLine(settings.passphraseFile);
  if (settings.passphraseFile !== undefined && passphrase === undefined)
    throw new KeyPassphraseMissingError(`KEY_PASSPHRASE_FILE ${settings.passphraseFile} is missing or empty`);
  return { backend: new FileKeyBackend(), passphrase };
}

/**
 * Start-up check, before the node takes its data directory or opens its database: the passphrase opens keys.json,
 * or the token takes the PIN. A refusal is one line and nothing has been written.
 */
export function checkKeyCustody(dataDir: string, settings: KeyBackendSettings): void {
  const { backend, passphrase } = openKeyBackend(settings);
  try {
    KeyFile.open(join(dataDir, 'keys.json'), passphrase);
  } finally {
    backend.close();
  }
}

export async function openKeyStore(dataDir: string, country: string, settings: KeyBackendSettings): Promise<KeyStore> {
  const { backend, passphrase } = openKeyBackend(settings);
  try {
    return await KeyStore.open(dataDir, country, backend, passphrase);
  } catch (err) {
    backend.close();
    throw err;
  }
}
