import { Args, ArgsType, Field, InputType, ObjectType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RECORD_PAGES, closedSetEnum, connectionOf, pagingArgs, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { TransparencyAlarmService } from './transparency-alarm.service.js';
import { ALARM_KINDS, type AlarmKind } from './transparency.entities.js';

export const TransparencyAlarmKindEnum = closedSetEnum(
  'TransparencyAlarmKind',
  ALARM_KINDS,
  "INCONSISTENT: a checkpoint not consistent with the last one seen; SAME_SIZE_FORK: two roots for one size; OWN_LOG_FORK: this node's own log shown otherwise to a partner.",
);

@ObjectType('TransparencyAlarm', { description: 'A fork or rewrite of a log seen while witnessing (docs/transparency.md).' })
export class TransparencyAlarmView {
  @Field()
  id: string;

  @Field({ description: 'Whose log: a partner, or this node itself for own-log-fork.' })
  country: string;

  @Field(() => TransparencyAlarmKindEnum)
  kind: AlarmKind;

  @Field({ description: 'JSON: the two checkpoints that disagree, and through whom the second was seen.' })
  evidence: string;

  @Field()
  raisedAt: Date;

  @Field(() => Date, { nullable: true })
  clearedAt: Date | null;

  @Field(() => String, { nullable: true })
  clearedBy: string | null;

  @Field(() => String, { nullable: true })
  clearNote: string | null;
}

@ObjectType()
export class TransparencyAlarmConnection extends connectionOf(TransparencyAlarmView, 'TransparencyAlarm') {}

@ArgsType()
export class AlarmPaging extends pagingArgs(RECORD_PAGES) {}

@InputType()
export class TransparencyAlarmFilterInput {
  @Field({ defaultValue: false, description: 'Cleared alarms too, not only the open ones.' })
  includeCleared: boolean;
}

/** Transparency alarms for admins; the log itself is REST (`/transparency/*`). */
@Resolver()
@Roles('admin')
export class TransparencyResolver {
  constructor(private readonly alarms: TransparencyAlarmService) {}

  @Query(() => TransparencyAlarmConnection, { description: 'Open transparency alarms, newest first; cleared ones too when asked (admin).' })
  transparencyAlarms(
    @Args('filter', { type: () => TransparencyAlarmFilterInput, nullable: true }) filter: TransparencyAlarmFilterInput | null,
    @Args() paging: AlarmPaging,
  ): Promise<Connection<TransparencyAlarmView>> {
    return this.alarms.list(filter?.includeCleared ?? false, paging);
  }

  @Mutation(() => TransparencyAlarmView, {
    description: "Closes an alarm once the admin has acted; the partner's log is then witnessed afresh (audited).",
  })
  clearTransparencyAlarm(
    @Args('id') id: string,
    @Args('note') note: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TransparencyAlarmView> {
    return this.alarms.clear(id, note, principal);
  }
}
