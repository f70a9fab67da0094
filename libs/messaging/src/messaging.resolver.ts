import { Field, Int, ObjectType, Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputError } from '@ots/errors';
import { CurrentPrincipal, Public, Roles, type Principal } from '@ots/identity';
import { AuditLogService } from '@ots/audit';
import { OutboxMessageEntity } from './message.entities.js';
import { MessagingService } from './messaging.service.js';
import { OutboxMessageNotFoundError } from './messaging.errors.js';

@ObjectType('OutboxMessage', { description: 'A message this node sends, and where it stands.' })
export class OutboxMessageView {
  @Field()
  id: string;

  @Field()
  recipient: string;

  @Field()
  msgType: string;

  @Field()
  jti: string;

  @Field({ description: 'pending, delivered or dead' })
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

const STATUSES = ['pending', 'delivered', 'dead'];

@Resolver()
export class MessagingResolver {
  constructor(
    private readonly messaging: MessagingService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  @Public()
  @Mutation(() => String, { description: 'Partner nodes deliver a JWE-wrapped signed envelope here; the answer is the signed receipt (PROTOCOL section 6).' })
  deliver(@Args('message') message: string): Promise<string> {
    return this.messaging.receive(message);
  }

  @Roles('admin')
  @Query(() => [OutboxMessageView], { description: 'Outgoing messages by status, newest first (admin).' })
  outbox(@Args('status', { type: () => String, nullable: true }) status: string | null, @Args('last', { type: () => Int, defaultValue: 100 }) last: number): Promise<OutboxMessageView[]> {
    if (status != null && !STATUSES.includes(status)) throw new BadInputError('bad status', { detail: `status: must be one of ${STATUSES.join(', ')}` });
    return this.dataSource.getRepository(OutboxMessageEntity).find({
      where: status ? { status: status as OutboxMessageEntity['status'] } : {},
      order: { createdAt: 'DESC' },
      take: Math.min(Math.max(last, 1), 1000),
    });
  }

  @Roles('admin')
  @Mutation(() => OutboxMessageView, { description: 'Puts a dead (or pending) message back in line for an immediate send (admin).' })
  async retryMessage(@Args('id') id: string, @CurrentPrincipal() principal: Principal): Promise<OutboxMessageView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(OutboxMessageEntity);
      const message = await repository.findOne({ where: { id } });
      if (!message || message.status === 'delivered') throw new OutboxMessageNotFoundError(`no undelivered message ${id}`, { id: id.slice(0, 36) });
      Object.assign(message, { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null });
      await repository.save(message);
      await this.audit.append(manager, { actor: principal.subject, action: 'message.retry', subject: message.jti });
      return message;
    });
    this.messaging.flush();
    return updated;
  }
}
