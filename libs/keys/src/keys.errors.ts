import { OtsError } from '@ots/errors';

/** Start-up refusals: the English line the node prints is also the `{{detail}}` of the translated message. */
abstract class KeyCustodyError extends OtsError {
  constructor(detail: string) {
    super(detail, { detail });
  }
}

/** `KEY_PASSPHRASE_FILE` names no readable, non-empty file: the node stops before it reads or writes any key. */
export class KeyPassphraseMissingError extends KeyCustodyError {
  static override readonly code = 'KEY_PASSPHRASE_MISSING';
  readonly code = KeyPassphraseMissingError.code;
}

/** The encrypted key file does not open with this passphrase (or was changed): the node stops, nothing is written. */
export class KeyPassphraseWrongError extends KeyCustodyError {
  static override readonly code = 'KEY_PASSPHRASE_WRONG';
  readonly code = KeyPassphraseWrongError.code;
}

/** The PKCS #11 module cannot be loaded or holds no token with the configured label. */
export class HsmUnavailableError extends KeyCustodyError {
  static override readonly code = 'HSM_UNAVAILABLE';
  readonly code = HsmUnavailableError.code;
}

/** The token refused the PIN from `PKCS11_PIN_FILE`: the node stops before it writes anything. */
export class HsmPinWrongError extends KeyCustodyError {
  static override readonly code = 'HSM_PIN_WRONG';
  readonly code = HsmPinWrongError.code;
}
