import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum KeyRevocationReasonInput {
  compromised = 'compromised',
  superseded = 'superseded',
}
registerEnumType(KeyRevocationReasonInput, {
  name: 'KeyRevocationReason',
  description: 'compromised: everything the key signed is invalid; superseded: what it signed before the revocation stays valid.',
});

@ObjectType('TrustAnchorKey', {
  description: 'A partner key: a root pinned by thumbprint or accepted by key continuity, or a revoked signer key.',
})
export class TrustAnchorKeyView {
  @Field()
  thumbprint: string;

  @Field({ description: 'pinned | continuity | signer' })
  source: string;

  @Field({ description: 'active | revoked' })
  status: string;

  @Field(() => String, { nullable: true })
  revocationReason: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('PartnerKey', { description: 'One key of a partner as this node knows it (`fedctl trust keys`).' })
export class PartnerKeyView {
  @Field({ description: 'RFC 7638 thumbprint: what `revokePartnerKey` takes.' })
  thumbprint: string;

  @Field({ description: 'root | signer | encryption' })
  kind: string;

  @Field({
    description:
      'pinned | continuity (root keys) | announced (certified in the last accepted entity configuration) | revocation (known only from one)',
  })
  source: string;

  @Field({ description: 'active | revoked | expired (certificate past its end) | retired (root no longer announced)' })
  status: string;

  @Field(() => Date, { nullable: true, description: "Start of the key's certificate; null for root keys." })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true, description: "End of the key's certificate; null for root keys." })
  validTo: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revocationReason: string | null;
}

@ObjectType('TrustAnchor', { description: 'A partner country this node trusts (PROTOCOL section 3).' })
export class TrustAnchorView {
  @Field()
  country: string;

  @Field({ description: 'active | suspended | revoked' })
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

  @Field(() => KeyRevocationReasonInput)
  reason: KeyRevocationReasonInput;
}
