import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@ots/identity';
import { AuditLogService } from './audit-log.service.js';

@ObjectType('AuditEntry')
export class AuditEntryView {
  @Field(() => Int)
  seq: number;

  @Field()
  at: Date;

  @Field()
  actor: string;

  @Field()
  action: string;

  @Field()
  subject: string;

  @Field({ description: 'JSON details of the event.' })
  details: string;

  @Field()
  hash: string;
}

@ObjectType('AuditVerification')
export class AuditVerificationView {
  @Field(() => Int)
  entries: number;

  @Field()
  intact: boolean;

  @Field(() => Int, { nullable: true, description: 'The first entry whose hash or link does not match.' })
  firstBrokenSeq: number | null;

  @Field(() => String, { nullable: true })
  problem: string | null;
}

@Resolver()
@Roles('admin')
export class AuditResolver {
  constructor(private readonly audit: AuditLogService) {}

  @Query(() => [AuditEntryView], { description: 'The newest audit entries, newest first (admin).' })
  auditLog(@Args('last', { type: () => Int, defaultValue: 50 }) last: number): Promise<AuditEntryView[]> {
    return this.audit.list(Math.min(Math.max(last, 1), 1000));
  }

  @Query(() => AuditVerificationView, { description: 'Recomputes the whole hash chain (admin).' })
  async auditVerification(): Promise<AuditVerificationView> {
    const { entries, broken } = await this.audit.verify();
    return { entries, intact: !broken, firstBrokenSeq: broken?.seq ?? null, problem: broken?.problem ?? null };
  }
}
