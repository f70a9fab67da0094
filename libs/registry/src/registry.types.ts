import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DocTypeEnum, JsonScalar, LanguageEnum, PageInfo, closedSetEnum } from '@ots/graphql-api';
import { AUDIENCES, CATEGORIES, LIFE_EVENTS, ONLINE_LEVELS } from './catalog.schema.js';
import { PARTNER_STATUSES } from './federated-search.service.js';

export const ServiceCategoryEnum = closedSetEnum('ServiceCategory', CATEGORIES, 'The catalog categories (names: `categories`).');
export const LifeEventEnum = closedSetEnum('LifeEvent', LIFE_EVENTS, 'The life events services are found by (names: `lifeEvents`).');
export const AudienceEnum = closedSetEnum('Audience', AUDIENCES, 'Who a service is for.');
export const OnlineLevelEnum = closedSetEnum('OnlineLevel', ONLINE_LEVELS, 'How far a service can be used online.');

export const PartnerSearchStatusEnum = closedSetEnum(
  'PartnerSearchStatus',
  PARTNER_STATUSES,
  "How a partner's part of a federated search went; STALE_CACHE: answered from its last snapshot.",
);

@InputType()
export class ServiceFilterInput {
  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: string | null;

  @Field(() => LifeEventEnum, { nullable: true })
  lifeEvent?: string | null;

  @Field(() => AudienceEnum, { nullable: true })
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

@ObjectType('ServiceTranslation', { description: "A service's name and description in one language." })
export class ServiceTranslationView {
  @Field(() => LanguageEnum)
  language: string;

  @Field()
  name: string;

  @Field()
  description: string;
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

  @Field(() => LanguageEnum, {
    description: 'The language name and description are in: the requested one, or the first of its fallback chain that has them.',
  })
  language: string;

  @Field(() => ServiceCategoryEnum)
  category: string;

  @Field(() => [LifeEventEnum])
  lifeEvents: string[];

  @Field(() => [AudienceEnum])
  audiences: string[];

  @Field(() => [String], { description: 'Countries whose citizens may apply through the federation.' })
  crossBorder: string[];

  @Field(() => [DocTypeEnum], { description: 'The documents the application needs.' })
  requiredEvidence: string[];

  @Field(() => Fee)
  fee: Fee;

  @Field(() => Int)
  processingDays: number;

  @Field()
  legalBasis: string;

  @Field(() => OnlineLevelEnum)
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

/** A category or life event with its name in the requested language. */
export interface TermView {
  code: string;
  name: string;
  language: string;
}

@ObjectType('CategoryTerm', { description: 'A category with its name in the requested language.' })
export class CategoryTermView implements TermView {
  @Field(() => ServiceCategoryEnum)
  code: string;

  @Field()
  name: string;

  @Field(() => LanguageEnum)
  language: string;
}

@ObjectType('LifeEventTerm', { description: 'A life event with its name in the requested language.' })
export class LifeEventTermView implements TermView {
  @Field(() => LifeEventEnum)
  code: string;

  @Field()
  name: string;

  @Field(() => LanguageEnum)
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

  @Field(() => PartnerSearchStatusEnum)
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
