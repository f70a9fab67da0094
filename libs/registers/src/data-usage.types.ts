import { Field, ObjectType } from '@nestjs/graphql';
import { DocTypeEnum, closedSetEnum, connectionOf } from '@ots/graphql-api';
import { DATA_USAGE_KINDS } from './data-usage.entity.js';
import { DATA_CATEGORIES, PURPOSE_KINDS } from './purpose.js';

export const DataUsageKindEnum = closedSetEnum(
  'DataUsageKind',
  DATA_USAGE_KINDS,
  'READ: read from the registers; SENT: sent to a partner.',
);
export const PurposeKindEnum = closedSetEnum(
  'PurposeKind',
  PURPOSE_KINDS,
  "What a use of a person's data served: a cross-border case, a partner's taxpayer check, or the person's own request.",
);
export const DataCategoryEnum = closedSetEnum('DataCategory', DATA_CATEGORIES, "The parts of a person's register data.");

@ObjectType('DataUsage', { description: "One use of the citizen's data: a read of the registers or a transfer abroad, with its purpose." })
export class DataUsageView {
  @Field()
  id: string;

  @Field()
  at: Date;

  @Field(() => DataUsageKindEnum)
  kind: string;

  @Field(() => PurposeKindEnum)
  purpose: string;

  @Field({ description: 'The case id, `<partner>:<request id>` of a taxpayer check, or `<person>:<act>` of the request.' })
  purposeReference: string;

  @Field(() => String, { nullable: true, description: 'The partner country the use served or the data went to.' })
  partner: string | null;

  @Field(() => [DataCategoryEnum])
  categories: string[];

  @Field(() => [DocTypeEnum])
  documentTypes: string[];

  @Field({ description: "The use in one sentence, in the request's language." })
  description: string;
}

@ObjectType()
export class DataUsageConnection extends connectionOf(DataUsageView, 'DataUsage') {}
