import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeConfig } from '@ots/config';
import { KeysModule } from '@ots/keys';
import { MessagingModule } from '@ots/messaging';
import { MonitoringModule } from '@ots/monitoring';
import { CaseEventDeliveryEntity } from './case-event.entity.js';
import { CaseEventDispatcher } from './case-event-dispatcher.js';
import { CaseEventPublisher } from './case-event-publisher.js';
import type { CaseEventSubscriber } from './case-event-subscribers.js';
import { CaseEventsMonitoring } from './case-events.monitoring.js';
import { CaseEventsResolver } from './case-events.resolver.js';
import { CaseEventsService } from './case-events.service.js';
import { CASE_EVENT_SUBSCRIBERS, type ConfiguredSubscriber } from './configured-subscribers.js';

/**
 * Events to the country's own case systems: global, so that every domain that changes a case can publish in
 * its own transaction. The subscribers come validated from start-up (`parseCaseEventSubscribers`).
 */
@Module({})
export class CaseEventsModule {
  static forRoot(subscribers: readonly CaseEventSubscriber[]): DynamicModule {
    return {
      module: CaseEventsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([CaseEventDeliveryEntity]), KeysModule, MessagingModule, MonitoringModule],
      providers: [
        {
          provide: CASE_EVENT_SUBSCRIBERS,
          inject: [NodeConfig],
          useFactory: (config: NodeConfig): ConfiguredSubscriber[] =>
            subscribers.map((s) => ({ ...s, maxAttempts: s.maxAttempts ?? config.outboxMaxAttempts })),
        },
        CaseEventPublisher,
        CaseEventDispatcher,
        CaseEventsService,
        CaseEventsResolver,
        CaseEventsMonitoring,
      ],
      exports: [CaseEventPublisher],
    };
  }
}
