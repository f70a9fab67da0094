import { OtsError } from '@ots/errors';

/** A configuration file, flag or variable that cannot be used; the node refuses to start. */
export class ConfigError extends OtsError {
  static override readonly code = 'CONFIG_INVALID';
  readonly code = ConfigError.code;
}
