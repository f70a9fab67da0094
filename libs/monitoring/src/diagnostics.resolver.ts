import { Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { closedSetEnum } from '@ots/graphql-api';
import { Roles } from '@ots/identity';
import { CHECK_STATUSES, Diagnostics, type CheckStatus } from './diagnostics.js';

export const CheckStatusEnum = closedSetEnum(
  'CheckStatus',
  CHECK_STATUSES,
  'OK, WARN (look soon) or FAIL (act now); `fedctl doctor` exits 1 on any FAIL.',
);

@ObjectType('DiagnosticCheck')
export class DiagnosticCheckView {
  @Field({ description: 'Stable id of the check, e.g. partner.reachable; docs/monitoring.md lists them with their fixes.' })
  check: string;

  @Field(() => CheckStatusEnum)
  status: CheckStatus;

  @Field(() => String, { nullable: true, description: 'What the check is about: a partner country, a key id.' })
  subject: string | null;

  @Field(() => Float, { nullable: true, description: 'The measured number: days left, seconds of clock difference, messages.' })
  value: number | null;

  @Field(() => String, { nullable: true, description: 'The technical reason as the node saw it, untranslated.' })
  detail: string | null;
}

@Resolver()
@Roles('admin')
export class DiagnosticsResolver {
  constructor(private readonly checks: Diagnostics) {}

  @Query(() => [DiagnosticCheckView], { description: "The node's self-checks, what `fedctl doctor` prints (admin)." })
  async diagnostics(): Promise<DiagnosticCheckView[]> {
    return (await this.checks.run()).map((r) => ({
      check: r.check,
      status: r.status,
      subject: r.subject ?? null,
      value: r.value ?? null,
      detail: r.detail ?? null,
    }));
  }
}
