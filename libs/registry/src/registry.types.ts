import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '@ots/graphql-api';

@InputType()
export class ServiceFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      'family, health, education, employment, social-security, citizenship-migration, real-estate, tax-finance, business, transport',
  })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. moving-abroad, starting-work, starting-business, having-a-child, studying-abroad',
  })
  lifeEvent?: string | null;

  @Field(() => String, { nullable: true, description: 'citizen, foreign-citizen or business' })
  audience?: string | null;

  @Field(() => String, { nullable: true, description: 'Only services that citizens of this country may apply for through the federation.' })
  crossBorderFor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the name or description, in the requested language (case- and diacritic-insensitive).',
  })
  text?: string | null;
}

@ObjectType()
export class Fee {
  @Field(() => Float)
  amount: number;

  @Field({ description: 'ISO 4217' })
  currency: string;
}

@ObjectType('Service', { description: 'A public service of a member state.' })
export class ServiceView {
  @Field({ description: 'Stable code, e.g. TR-RP-WORK.' })
  code: string;

  @Field({ description: 'The providing country.' })
  country: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'The language name and description are in: the requested one, or the first of its fallback chain that has them.' })
  language: string;

  @Field()
  category: string;

  @Field(() => [String])
  lifeEvents: string[];

  @Field(() => [String])
  audiences: string[];

  @Field(() => [String], { description: 'Countries whose citizens may apply through the federation.' })
  crossBorder: string[];

  @Field(() => [String], { description: 'PROTOCOL doc_types the application needs.' })
  requiredEvidence: string[];

  @Field(() => Fee)
  fee: Fee;

  @Field(() => Int)
  processingDays: number;

  @Field()
  legalBasis: string;

  @Field({ description: 'information, interactive, transaction or proactive' })
  onlineLevel: string;

  @Field()
  responsibleAuthority: string;

  @Field(() => JsonScalar, { nullable: true, description: 'The application form: {fields: [{name, type, required, ...}]}.' })
  form?: unknown;

  @Field()
  retired: boolean;
}

@ObjectType()
export class ServiceEdge {
  @Field()
  cursor: string;

  @Field(() => ServiceView)
  node: ServiceView;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class ServiceConnection {
  @Field(() => [ServiceEdge])
  edges: ServiceEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int, { description: 'Registry version; it changes with every admin update.' })
  version: number;
}

@ObjectType('Term', { description: 'A category or life event with its name in the requested language.' })
export class TermView {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field()
  language: string;
}

@ObjectType()
export class RegistrySnapshot {
  @Field({ description: 'The whole catalog as a compact JWS (typ ots-registry+jwt) by the signer key.' })
  jws: string;

  @Field()
  etag: string;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class PartnerRegistryStatus {
  @Field()
  country: string;

  @Field({ description: 'ok, stale-cache, timeout, untrusted or error' })
  status: string;

  @Field(() => Int, { nullable: true })
  version: number | null;
}

@ObjectType()
export class FederatedServices {
  @Field(() => [ServiceView], { description: 'Matching services of this node and every partner that answered, each with its country.' })
  items: ServiceView[];

  @Field(() => [PartnerRegistryStatus])
  partners: PartnerRegistryStatus[];
}
