import { OtsError } from '@ots/errors';

export class UnsupportedLanguageError extends OtsError {
  static override readonly code = 'UNSUPPORTED_LANGUAGE';
  readonly code = UnsupportedLanguageError.code;
}
