import { registerEnumType } from '@nestjs/graphql';
import { ERROR_CODES, type ErrorCodeValue } from './error-codes.js';

/**
 * Every `extensions.code`, published in the schema so that client generators can switch over them. No field has
 * this type: the schema carries it as an orphan type (GraphqlApiModule's `buildSchemaOptions.orphanedTypes`).
 */
export const ErrorCode = Object.fromEntries(ERROR_CODES.map((code) => [code, code])) as { [K in ErrorCodeValue]: K };

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    "Every error code of this node and of fedctl (docs/errors.md says what each means); an error's `extensions.code` is always one of them. Clients switch over the code, never the message.",
});
