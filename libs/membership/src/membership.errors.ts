import { OtsError } from '@ots/errors';

/** The new federation-config did not validate or does not fit this running node: the node keeps the one it had. */
export class ConfigReloadRefusedError extends OtsError {
  static override readonly code = 'CONFIG_RELOAD_REFUSED';
  readonly code = ConfigReloadRefusedError.code;
}
