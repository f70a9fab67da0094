import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeysModule } from '@ots/keys';
import { MonitoringModule } from '@ots/monitoring';
import { TrustModule } from '@ots/trust';
import { InboxMessageEntity, OutboxMessageEntity } from './message.entities.js';
import { MessageCounter } from './message-counter.js';
import { MessagingResolver, OutboxMessageFieldsResolver } from './messaging.resolver.js';
import { MessagingService } from './messaging.service.js';
import { OutboxBatchWriter } from './outbox-batch-writer.js';
import { OutboxClaimer } from './outbox-claimer.js';
import { OutboxScheduler } from './outbox-scheduler.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxMonitoring } from './outbox.monitoring.js';
import { PartnerDirectory } from './partner-directory.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, InboxMessageEntity]), KeysModule, TrustModule, MonitoringModule],
  providers: [
    MessagingService,
    MessageCounter,
    PartnerDirectory,
    OutboxClaimer,
    OutboxSender,
    OutboxBatchWriter,
    OutboxScheduler,
    MessagingResolver,
    OutboxMessageFieldsResolver,
    OutboxMonitoring,
  ],
  exports: [MessagingService, PartnerDirectory],
})
export class MessagingModule {}
