import { COUNTRY_ROLES, FEDERATION_LANGUAGES } from '@ots/config';
import { DOC_TYPES, KEY_REVOCATION_REASONS, VERIFICATION_REASONS } from '@ots/jws';
import { closedSetEnum } from './closed-set.js';

/** The closed sets the PROTOCOL itself fixes, which every domain's types use. */
export const LanguageEnum = closedSetEnum('Language', FEDERATION_LANGUAGES, 'The nine federation languages (ISO 639-1).');
export const CountryRoleEnum = closedSetEnum('CountryRole', COUNTRY_ROLES, 'Member states and observers run the same node.');
export const DocTypeEnum = closedSetEnum('DocType', DOC_TYPES, 'docs/protocol section 4 `doc_type` values.');
export const VerificationReasonEnum = closedSetEnum(
  'VerificationReason',
  VERIFICATION_REASONS,
  'docs/protocol section 4: why a document verifies (OK) or not; exactly one per verdict.',
);

export const KeyRevocationReasonEnum = closedSetEnum(
  'KeyRevocationReason',
  KEY_REVOCATION_REASONS,
  'COMPROMISED: everything the key signed is invalid; SUPERSEDED: what it signed before the revocation stays valid.',
);

/** The `lang` argument every localized operation takes. */
export const langArg = {
  name: 'lang',
  type: () => LanguageEnum,
  nullable: true,
  description: 'The answer language; else Accept-Language, else the node default.',
} as const;
