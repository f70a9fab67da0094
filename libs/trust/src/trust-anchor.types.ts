import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('TrustAnchorKey', { description: 'A partner root key, pinned by thumbprint or accepted by key continuity.' })
export class TrustAnchorKeyView {
  @Field()
  thumbprint: string;

  @Field({ description: 'pinned | continuity' })
  source: string;

  @Field({ description: 'active | revoked' })
  status: string;

  @Field(() => String, { nullable: true })
  revocationReason: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
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
