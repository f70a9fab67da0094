import { Args, ArgsType, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { closedSetEnum, connectionOf, JsonScalar, pagingArgs, RECORD_PAGES, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { CASE_EVENT_DELIVERY_STATUSES, CASE_EVENT_TYPES, type CaseEventDeliveryStatus } from './case-event-types.js';
import { CaseEventsService } from './case-events.service.js';

export const CaseEventTypeEnum = closedSetEnum(
  'CaseEventType',
  CASE_EVENT_TYPES,
  "Events pushed to the country's case systems, each sent as the CloudEvents type `org.ots.case.<wire value>.v1`.",
);
export const CaseEventDeliveryStatusEnum = closedSetEnum(
  'CaseEventDeliveryStatus',
  CASE_EVENT_DELIVERY_STATUSES,
  'Where the delivery of an event to one subscriber stands: PENDING (to be sent or retried), DELIVERED (a 2xx answer) or DEAD (attempts exhausted or refused with a 4xx; retryCaseEvents puts it back).',
);

@ObjectType('CaseEventSubscriber', {
  description: 'A case system that receives this node’s events (CASE_EVENT_SUBSCRIBERS), and where its deliveries stand.',
})
export class CaseEventSubscriberView {
  @Field()
  name: string;

  @Field()
  url: string;

  @Field(() => [CaseEventTypeEnum])
  types: readonly string[];

  @Field(() => Int, { description: 'How long one delivery may take, in milliseconds.' })
  timeoutMs: number;

  @Field(() => Int, { description: 'Failed deliveries after which an event is parked as dead.' })
  maxAttempts: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  delivered: number;

  @Field(() => Int)
  dead: number;

  @Field(() => String, { nullable: true, description: 'Why the latest failed attempt of an undelivered event failed.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastDeliveredAt: Date | null;
}

@ObjectType('CaseEventDelivery', { description: 'One event on its way to one subscriber.' })
export class CaseEventDeliveryView {
  @Field({ description: 'The CloudEvents id: the same for every subscriber and every attempt.' })
  eventId: string;

  @Field()
  subscriber: string;

  @Field(() => CaseEventTypeEnum)
  eventType: string;

  @Field({ description: 'The CloudEvents subject: a case id, a certificate id or a check request id.' })
  subject: string;

  @Field(() => JsonScalar, { description: 'The CloudEvents data, as sent.' })
  data: Record<string, unknown>;

  @Field()
  eventTime: Date;

  @Field(() => CaseEventDeliveryStatusEnum)
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field()
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
}

@ObjectType()
export class CaseEventDeliveryConnection extends connectionOf(CaseEventDeliveryView, 'CaseEventDelivery') {}

@ArgsType()
export class CaseEventPaging extends pagingArgs(RECORD_PAGES) {}

@InputType()
export class CaseEventDeliveryFilterInput {
  @Field(() => String, { nullable: true })
  subscriber?: string | null;

  @Field(() => CaseEventDeliveryStatusEnum, { nullable: true })
  status?: CaseEventDeliveryStatus | null;
}

@Resolver()
export class CaseEventsResolver {
  constructor(private readonly events: CaseEventsService) {}

  @Roles('admin')
  @Query(() => [CaseEventSubscriberView], { description: 'The configured case-event subscribers and their deliveries by state (admin).' })
  caseEventSubscribers(): Promise<CaseEventSubscriberView[]> {
    return this.events.subscriberStates();
  }

  @Roles('admin')
  @Query(() => CaseEventDeliveryConnection, { description: 'Case-event deliveries, newest event first (admin).' })
  caseEventDeliveries(
    @Args() paging: CaseEventPaging,
    @Args('filter', { type: () => CaseEventDeliveryFilterInput, nullable: true }) filter: CaseEventDeliveryFilterInput | null,
  ): Promise<Connection<CaseEventDeliveryView>> {
    return this.events.deliveries(filter, paging);
  }

  @Roles('admin')
  @Mutation(() => Int, {
    description:
      "Puts a subscriber's dead deliveries (or only the event `eventId`) back in line for an immediate attempt; answers how many (admin).",
  })
  retryCaseEvents(
    @Args('subscriber') subscriber: string,
    @Args('eventId', { type: () => String, nullable: true }) eventId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<number> {
    return this.events.retry(subscriber, eventId ?? null, principal);
  }
}
