import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SequenceCounterEntity } from '@ots/persistence';
import { KeysModule } from '@ots/keys';
import { MonitoringModule } from '@ots/monitoring';
import { HistoricalKeysService } from './historical-keys.service.js';
import { TransparencyAlarmService } from './transparency-alarm.service.js';
import { TransparencyController } from './transparency.controller.js';
import { TransparencyMonitoring } from './transparency.monitoring.js';
import {
  ReceivedCosignatureEntity,
  TransparencyAlarmEntity,
  TransparencyEntryEntity,
  WitnessedCheckpointEntity,
} from './transparency.entities.js';
import { TransparencyLogService } from './transparency-log.service.js';
import { TransparencyResolver } from './transparency.resolver.js';
import { WitnessService } from './witness.service.js';

/** The node's key-transparency log, its REST endpoints, witnessing of partners' logs and fork alarms. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      TransparencyEntryEntity,
      WitnessedCheckpointEntity,
      ReceivedCosignatureEntity,
      TransparencyAlarmEntity,
      SequenceCounterEntity,
    ]),
    KeysModule,
    MonitoringModule,
  ],
  providers: [
    HistoricalKeysService,
    TransparencyLogService,
    TransparencyAlarmService,
    TransparencyMonitoring,
    WitnessService,
    TransparencyResolver,
  ],
  controllers: [TransparencyController],
  exports: [TransparencyLogService, TransparencyAlarmService, WitnessService],
})
export class TransparencyModule {}
