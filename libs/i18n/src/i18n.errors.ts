import { OtsError } from '@ots/errors';

/** A `lang` argument outside the nine federation languages. */
export class UnsupportedLanguageError extends OtsError {
  static override readonly code = 'UNSUPPORTED_LANGUAGE';
  readonly code = UnsupportedLanguageError.code;
}
