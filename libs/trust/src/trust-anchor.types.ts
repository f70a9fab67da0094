import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { KeyRevocationReasonEnum, closedSetEnum } from '@ots/graphql-api';
import type { KeyRevocationReason } from '@ots/jws';
import { PARTNER_KEY_KINDS, PARTNER_KEY_SOURCES, PARTNER_KEY_STATUSES } from './partner-keys.js';
import { ANCHOR_STATUSES, KEY_SOURCES, KEY_STATUSES } from './trust-anchor.entity.js';

export const TrustAnchorStatusEnum = closedSetEnum('TrustAnchorStatus', ANCHOR_STATUSES, 'Whether this node trusts the partner now.');
export const TrustAnchorKeySourceEnum = closedSetEnum(
  'TrustAnchorKeySource',
  KEY_SOURCES,
  'PINNED by thumbprint, accepted by key CONTINUITY, or a SIGNER key known because it was revoked.',
);
export const KeyStatusEnum = closedSetEnum('KeyStatus', KEY_STATUSES, 'Whether a partner key is trusted.');
export const PartnerKeyKindEnum = closedSetEnum('PartnerKeyKind', PARTNER_KEY_KINDS, 'What a partner key is for.');
export const PartnerKeySourceEnum = closedSetEnum(
  'PartnerKeySource',
  PARTNER_KEY_SOURCES,
  'PINNED, CONTINUITY: root keys; ANNOUNCED: certified in the last accepted entity configuration; REVOCATION: known only from one.',
);
export const PartnerKeyStatusEnum = closedSetEnum(
  'PartnerKeyStatus',
  PARTNER_KEY_STATUSES,
  'EXPIRED: certificate past its end; RETIRED: root no longer announced.',
);

@ObjectType('TrustAnchorKey', {
  description: 'A partner key: a root pinned by thumbprint or accepted by key continuity, or a revoked signer key.',
})
export class TrustAnchorKeyView {
  @Field()
  thumbprint: string;

  @Field(() => TrustAnchorKeySourceEnum)
  source: string;

  @Field(() => KeyStatusEnum)
  status: string;

  @Field(() => KeyRevocationReasonEnum, { nullable: true })
  revocationReason: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('PartnerKey', { description: 'One key of a partner as this node knows it (`fedctl trust keys`).' })
export class PartnerKeyView {
  @Field({ description: 'RFC 7638 thumbprint: what `revokePartnerKey` takes.' })
  thumbprint: string;

  @Field(() => PartnerKeyKindEnum)
  kind: string;

  @Field(() => PartnerKeySourceEnum)
  source: string;

  @Field(() => PartnerKeyStatusEnum)
  status: string;

  @Field(() => Date, { nullable: true, description: "Start of the key's certificate; null for root keys." })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true, description: "End of the key's certificate; null for root keys." })
  validTo: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => KeyRevocationReasonEnum, { nullable: true })
  revocationReason: string | null;
}

@ObjectType('TrustAnchor', { description: 'A partner country this node trusts (docs/protocol section 3).' })
export class TrustAnchorView {
  @Field()
  country: string;

  @Field(() => TrustAnchorStatusEnum)
  status: string;

  @Field()
  validFrom: Date;

  @Field(() => Date, { nullable: true })
  validTo: Date | null;

  @Field(() => [String], { nullable: true, description: 'Service codes the partner may use; null means all.' })
  servicesAllowed: string[] | null;

  @Field()
  baseUrl: string;

  @Field()
  graphqlEndpoint: string;

  @Field()
  refreshedAt: Date;

  @Field(() => [TrustAnchorKeyView])
  keys: TrustAnchorKeyView[];
}

@InputType()
export class AddTrustAnchorInput {
  @Field({ description: 'The partner country, e.g. TR.' })
  country: string;

  @Field(() => [String], { description: "The partner's root key thumbprints, compared out of band by the two admins." })
  thumbprints: string[];

  @Field({ description: "The partner node's base URL; its entity configuration is fetched from there." })
  baseUrl: string;
}

@InputType()
export class RevokePartnerKeyInput {
  @Field()
  country: string;

  @Field({ description: 'RFC 7638 thumbprint of a partner root or signer key.' })
  thumbprint: string;

  @Field(() => KeyRevocationReasonEnum)
  reason: KeyRevocationReason;
}
