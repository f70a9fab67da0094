import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeysModule } from '@ots/keys';
import { MonitoringModule } from '@ots/monitoring';
import { TransparencyModule } from '@ots/transparency';
import { EntityConfigurationClient } from './entity-configuration.client.js';
import { TrustAnchorEntity, TrustAnchorKeyEntity } from './trust-anchor.entity.js';
import { PartnerHealth } from './partner-health.service.js';
import { TrustAnchorResolver } from './trust-anchor.resolver.js';
import { TrustAnchorService } from './trust-anchor.service.js';
import { TrustRefreshScheduler } from './trust-refresh.scheduler.js';
import { TrustViewService } from './trust-view.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrustAnchorEntity, TrustAnchorKeyEntity]), KeysModule, TransparencyModule, MonitoringModule],
  providers: [EntityConfigurationClient, TrustAnchorService, TrustViewService, TrustAnchorResolver, TrustRefreshScheduler, PartnerHealth],
  exports: [TrustAnchorService, TrustViewService],
})
export class TrustModule {}
