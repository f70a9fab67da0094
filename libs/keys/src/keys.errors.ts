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

/** A key request file that is not a version-1 request this tool can sign (`fedctl keys sign-request`). */
export class KeyRequestInvalidError extends KeyCustodyError {
  static override readonly code = 'KEY_REQUEST_INVALID';
  readonly code = KeyRequestInvalidError.code;
}

/** A signed response that belongs to another request, node or root key than the one it is imported into. */
export class KeyImportMismatchError extends KeyCustodyError {
  static override readonly code = 'KEY_IMPORT_MISMATCH';
  readonly code = KeyImportMismatchError.code;
}

/** A signed response whose signature does not verify under the node's root key, or whose content was changed. */
export class KeyImportTamperedError extends KeyCustodyError {
  static override readonly code = 'KEY_IMPORT_TAMPERED';
  readonly code = KeyImportTamperedError.code;
}

/** A signed response (or the request it answers) that is past its validity. */
export class KeyImportExpiredError extends KeyCustodyError {
  static override readonly code = 'KEY_IMPORT_EXPIRED';
  readonly code = KeyImportExpiredError.code;
}

/**
 * The root private key is not on this node (moved off by `fedctl keys export-root`): what needs the root goes
 * through a key request instead (`fedctl keys request`, `sign-request` offline, `fedctl keys import`).
 */
export class RootKeyOfflineError extends KeyCustodyError {
  static override readonly code = 'ROOT_KEY_OFFLINE';
  readonly code = RootKeyOfflineError.code;
}
