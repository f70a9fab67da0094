import { cliText } from './i18n/cli-language.js';
import type { CliMessageKey } from './i18n/cli-messages.js';

/**
 * A failure fedctl itself reports, as one line in the admin's language. A usage mistake exits 2, anything else 1
 * (a node that cannot be reached, a port in use).
 */
export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(cliText(key, params));
    this.name = 'CliError';
  }
}

/** A usage mistake: exit code 2. */
export class UsageError extends CliError {
  constructor(key: CliMessageKey, params: Record<string, string | number> = {}) {
    super(key, params, 2);
    this.name = 'UsageError';
  }
}
