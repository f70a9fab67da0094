import { FEDERATION_LANGUAGES } from '@ots/config';
import { DOC_TYPES, VERIFICATION_REASONS } from '@ots/jws';
import { closedSetEnum } from './closed-set.js';

/** The closed sets the PROTOCOL itself fixes, which every domain's types use. */
export const LanguageEnum = closedSetEnum('Language', FEDERATION_LANGUAGES, 'The nine federation languages (ISO 639-1).');
export const DocTypeEnum = closedSetEnum('DocType', DOC_TYPES, 'docs/protocol section 4 `doc_type` values.');
export const VerificationReasonEnum = closedSetEnum(
  'VerificationReason',
  VERIFICATION_REASONS,
  'docs/protocol section 4: why a document verifies (OK) or not; exactly one per verdict.',
);

/** The `lang` argument every localized operation takes. */
export const langArg = {
  name: 'lang',
  type: () => LanguageEnum,
  nullable: true,
  description: 'The answer language; else Accept-Language, else the node default.',
} as const;
