import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DocTypeEnum, JsonScalar, LanguageEnum, VerificationReasonEnum } from '@ots/graphql-api';

@InputType()
export class IssueDocumentInput {
  @Field(() => DocTypeEnum)
  docType: string;

  @Field({ description: 'Scheme-qualified subject, e.g. KZ:IIN:900101300123.' })
  subject: string;

  @Field(() => JsonScalar, { description: 'The document content (a JSON object, at most 32 KiB).' })
  claims: Record<string, unknown>;

  @Field(() => Int)
  validDays: number;

  @Field(() => LanguageEnum, { description: 'Language of the human-readable claims.' })
  lang: string;
}

@ObjectType()
export class IssuedDocumentView {
  @Field({ description: 'The compact JWS: the document itself.' })
  jws: string;

  @Field()
  jti: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class RevokedDocumentView {
  @Field()
  jti: string;

  @Field()
  revokedAt: Date;

  @Field()
  reason: string;
}

@ObjectType('DocumentVerification', { description: 'The verdict on one document; `reason` is exactly one PROTOCOL code.' })
export class DocumentVerificationView {
  @Field()
  valid: boolean;

  @Field(() => VerificationReasonEnum)
  reason: string;

  @Field({ description: "False when the issuer's status list could not be read; `valid` then follows the node's policy." })
  statusChecked: boolean;

  @Field(() => String, { nullable: true })
  issuerCountry: string | null;

  @Field(() => DocTypeEnum, { nullable: true })
  documentType: string | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => String, { nullable: true })
  jti: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => JsonScalar, { nullable: true })
  claims: Record<string, unknown> | null;
}
