import { OtsError } from '@ots/errors';
import { cliText } from './i18n/cli-language.js';
import type { CliMessageKey } from './i18n/cli-messages.js';

/**
 * A failure fedctl itself reports (a node it cannot reach, a port in use, a file it cannot read), as one line in the
 * admin's language; `key` names which, among the CLI's own messages. Exit code 1. `reason`, when given, is a stable
 * code scripts can match (a refused restore's BACKUP_ALTERED), printed before the line.
 */
export class CliError extends OtsError {
  static override readonly code: string = 'CLI_FAILED';
  readonly code: string = CliError.code;

  constructor(
    readonly key: CliMessageKey,
    params: Record<string, string | number> = {},
    readonly exitCode: 1 | 2 = 1,
    reason?: string,
  ) {
    super(cliText(key, params), params, reason ? { extensions: { reason } } : undefined);
  }
}

/** A usage mistake on fedctl's command line (a bad flag value, a missing option): exit code 2. */
export class UsageError extends CliError {
  static override readonly code: string = 'CLI_USAGE';
  override readonly code: string = UsageError.code;

  constructor(key: CliMessageKey, params: Record<string, string | number> = {}) {
    super(key, params, 2);
  }
}
