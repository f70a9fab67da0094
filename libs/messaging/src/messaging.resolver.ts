import { Args, ArgsType, Field, InputType, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FederationConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { connectionOf, pagingArgs, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Public, Roles, type Principal } from '@ots/identity';
import { CurrentRequestContext, type RequestContext } from '@ots/request-context';
import type { OutboxMessageEntity, OutboxStatus } from './message.entities.js';
import { envelopeHeader, receiptClaims } from './message-headers.js';
import { MessageStatusEnum, MessageTypeEnum } from './message-enums.js';
import { MessageCounter } from './message-counter.js';
import { MessagingService, OUTBOX_PAGES } from './messaging.service.js';

@ObjectType('EnvelopeHeader', {
  description: "A signed envelope's protected header and claims, its body left out (docs/protocol section 6).",
})
export class EnvelopeHeaderView {
  @Field({ description: 'ots-msg+jwt' })
  typ: string;

  @Field()
  alg: string;

  @Field({ description: 'The signer key (its certificate travels in trust_chain).' })
  kid: string;

  @Field()
  iss: string;

  @Field()
  aud: string;

  @Field()
  jti: string;

  @Field({ description: 'iat of the last signing: a retry after expiry is signed afresh.' })
  issuedAt: Date;

  @Field({ description: 'exp, at most 300 s after iat.' })
  expiresAt: Date;

  @Field(() => MessageTypeEnum, { description: 'msg_type' })
  msgType: string;
}

@ObjectType('Receipt', { description: "A receipt's protected header and claims (ots-receipt+jwt): who received which envelope." })
export class ReceiptView {
  @Field()
  typ: string;

  @Field()
  kid: string;

  @Field({ description: 'The node that received the message.' })
  iss: string;

  @Field({ description: 'The node that sent it.' })
  aud: string;

  @Field()
  jti: string;

  @Field()
  issuedAt: Date;

  @Field({ description: 'msg_jti: the jti of the envelope received.' })
  msgJti: string;

  @Field({ description: 'msg_sha256: SHA-256 (base64url) of the compact envelope received.' })
  msgSha256: string;
}

/** A stored receipt as the schema shows it; shared with the inbox's view. */
export const receiptView = (compact: string): ReceiptView => {
  const { iat, ...claims } = receiptClaims(compact);
  return { ...claims, issuedAt: new Date(iat * 1000) };
};

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

  @Field(() => ReceiptView, { nullable: true, description: 'The receipt read: who received which envelope, when.' })
  receiptClaims?: ReceiptView | null;

  @Field(() => EnvelopeHeaderView, { nullable: true, description: 'The header of the envelope last sent; null before the first send.' })
  envelopeHeader?: EnvelopeHeaderView | null;

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

/** The fields read out of the stored envelope and receipt, for the console's message detail. */
@Resolver(() => OutboxMessageView)
export class OutboxMessageFieldsResolver {
  @ResolveField(() => EnvelopeHeaderView, { nullable: true })
  envelopeHeader(@Parent() message: OutboxMessageEntity): EnvelopeHeaderView | null {
    if (!message.envelope) return null;
    const { iat, exp, ...header } = envelopeHeader(message.envelope);
    return { ...header, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) };
  }

  @ResolveField(() => ReceiptView, { nullable: true })
  receiptClaims(@Parent() message: OutboxMessageEntity): ReceiptView | null {
    return message.receipt ? receiptView(message.receipt) : null;
  }
}

@Resolver()
export class MessagingResolver {
  constructor(
    private readonly messaging: MessagingService,
    private readonly counter: MessageCounter,
    private readonly federation: FederationConfig,
  ) {}

  @Public()
  @Mutation(() => String, {
    description: 'Partner nodes deliver a JWE-wrapped signed envelope here; the answer is the signed receipt (docs/protocol section 6).',
  })
  async deliver(@Args('message') message: string, @CurrentRequestContext() context?: RequestContext): Promise<string> {
    try {
      return await this.messaging.receive(message, context);
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
    return this.counter.counts();
  }

  @Roles('admin')
  @Mutation(() => OutboxMessageView, { description: 'Puts a dead (or pending) message back in line for an immediate send (admin).' })
  retryMessage(@Args('id') id: string, @CurrentPrincipal() principal: Principal): Promise<OutboxMessageView> {
    return this.messaging.retry(id, principal);
  }
}
