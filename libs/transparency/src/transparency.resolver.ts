import { Args, Field, ObjectType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { TransparencyAlarmService } from './transparency-alarm.service.js';

@ObjectType('TransparencyAlarm', { description: 'A fork or rewrite of a log seen while witnessing (docs/transparency.md).' })
export class TransparencyAlarmView {
  @Field()
  id: string;

  @Field({ description: 'Whose log: a partner, or this node itself for own-log-fork.' })
  country: string;

  @Field({ description: 'inconsistent, same-size-fork or own-log-fork.' })
  kind: string;

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

/** Transparency alarms for admins; the log itself is REST (`/transparency/*`). */
@Resolver()
@Roles('admin')
export class TransparencyResolver {
  constructor(private readonly alarms: TransparencyAlarmService) {}

  @Query(() => [TransparencyAlarmView], { description: 'Open transparency alarms, newest first; cleared ones too when asked (admin).' })
  transparencyAlarms(
    @Args('includeCleared', { type: () => Boolean, defaultValue: false }) includeCleared: boolean,
  ): Promise<TransparencyAlarmView[]> {
    return this.alarms.list(includeCleared);
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
