import { Args, ArgsType, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FederationConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { connectionOf, pagingArgs, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Public, Roles, type Principal } from '@ots/identity';
import type { OutboxStatus } from './message.entities.js';
import { MessageStatusEnum, MessageTypeEnum } from './message-enums.js';
import { MessagingService, OUTBOX_PAGES } from './messaging.service.js';

@ObjectType('OutboxMessage', { description: 'A message this node sends, and where it stands.' })
export class OutboxMessageView {
  @Field()
  id: string;

  @Field()
  recipient: string;

  @Field(() => MessageTypeEnum)
  msgType: string;

  @Field()
  jti: string;

  @Field(() => MessageStatusEnum)
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field()
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: "The recipient's signed receipt." })
  receipt: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
}

@ObjectType('MessageCounts', {
  description: 'How many messages this node holds, by state: a growing pending or dead count is what an admin watches.',
})
export class MessageCountsView {
  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  delivered: number;

  @Field(() => Int)
  dead: number;

  @Field(() => Int, { description: 'Messages received and receipted (each (sender, jti) once).' })
  received: number;
}

@ObjectType()
export class OutboxMessageConnection extends connectionOf(OutboxMessageView, 'OutboxMessage') {}

@ArgsType()
export class OutboxPaging extends pagingArgs(OUTBOX_PAGES) {}

@InputType()
export class OutboxFilterInput {
  @Field(() => MessageStatusEnum, { nullable: true })
  status?: OutboxStatus | null;
}

@Resolver()
export class MessagingResolver {
  constructor(
    private readonly messaging: MessagingService,
    private readonly federation: FederationConfig,
  ) {}

  @Public()
  @Mutation(() => String, {
    description: 'Partner nodes deliver a JWE-wrapped signed envelope here; the answer is the signed receipt (docs/protocol section 6).',
  })
  async deliver(@Args('message') message: string): Promise<string> {
    try {
      return await this.messaging.receive(message);
    } catch (err) {
      // The reader is a partner node, whatever language its request asked for: refusals go in the working language.
      if (err instanceof OtsError) err.readIn(this.federation.workingLanguage);
      throw err;
    }
  }

  @Roles('admin')
  @Query(() => OutboxMessageConnection, { description: 'Outgoing messages, newest first (admin).' })
  outbox(
    @Args() paging: OutboxPaging,
    @Args('filter', { type: () => OutboxFilterInput, nullable: true }) filter: OutboxFilterInput | null,
  ): Promise<Connection<OutboxMessageView>> {
    return this.messaging.outbox(filter?.status ?? null, paging);
  }

  @Roles('admin')
  @Query(() => MessageCountsView, { description: 'Outgoing messages by status and incoming messages received (admin).' })
  messageCounts(): Promise<MessageCountsView> {
    return this.messaging.counts();
  }

  @Roles('admin')
  @Mutation(() => OutboxMessageView, { description: 'Puts a dead (or pending) message back in line for an immediate send (admin).' })
  retryMessage(@Args('id') id: string, @CurrentPrincipal() principal: Principal): Promise<OutboxMessageView> {
    return this.messaging.retry(id, principal);
  }
}
