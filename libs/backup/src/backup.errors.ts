/**
 * Why fedctl refuses a backup or a restore. Not node errors (no node ever answers with them, so they are not in the
 * schema's ErrorCode): fedctl prints the stable `code` with a line in the admin's language
 * (apps/fedctl/src/i18n/cli-messages.ts), the English `message` is for logs.
 */
export abstract class BackupError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The file does not start as an OTS backup does: not a backup at all, or its first bytes are damaged. */
export class NotABackupError extends BackupError {
  readonly code = 'BACKUP_NOT_A_BACKUP';
}

/** A backup in a format version or with parameters this fedctl does not read. */
export class BackupVersionError extends BackupError {
  readonly code = 'BACKUP_VERSION_UNSUPPORTED';
}

/** Some byte of the file differs from what was written (tampering, a damaged disk, a truncated copy). */
export class BackupAlteredError extends BackupError {
  readonly code = 'BACKUP_ALTERED';
}

/** The file is intact but the passphrase is not the one it was written with. */
export class BackupPassphraseError extends BackupError {
  readonly code = 'BACKUP_WRONG_PASSPHRASE';
}

/** The restore target already holds data: a data directory with files in it, or a database with tables. */
export class RestoreTargetNotEmptyError extends BackupError {
  readonly code = 'RESTORE_TARGET_NOT_EMPTY';
}

/** The backup is of another country's node, or of a SQLite node restored onto PostgreSQL (or the other way). */
export class BackupMismatchError extends BackupError {
  readonly code = 'BACKUP_MISMATCH';
}
