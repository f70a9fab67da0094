import { Args, ArgsType, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { connectionOf, pagingArgs, type Connection } from '@ots/graphql-api';
import { Roles } from '@ots/identity';
import { AUDIT_PAGES, AuditLogService } from './audit-log.service.js';

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

@ObjectType()
export class AuditEntryConnection extends connectionOf(AuditEntryView, 'AuditEntry') {}

@ArgsType()
export class AuditPaging extends pagingArgs(AUDIT_PAGES) {}

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

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest entry first (admin).' })
  auditLog(@Args() paging: AuditPaging): Promise<Connection<AuditEntryView>> {
    return this.audit.list(paging);
  }

  @Query(() => AuditVerificationView, { description: 'Recomputes the whole hash chain (admin).' })
  async auditVerification(): Promise<AuditVerificationView> {
    const { entries, broken } = await this.audit.verify();
    return { entries, intact: !broken, firstBrokenSeq: broken?.seq ?? null, problem: broken?.problem ?? null };
  }
}
