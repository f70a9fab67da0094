import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityConfigurationClient } from './entity-configuration.client.js';
import { TrustAnchorEntity, TrustAnchorKeyEntity } from './trust-anchor.entity.js';
import { TrustAnchorResolver } from './trust-anchor.resolver.js';
import { TrustAnchorService } from './trust-anchor.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrustAnchorEntity, TrustAnchorKeyEntity])],
  providers: [EntityConfigurationClient, TrustAnchorService, TrustAnchorResolver],
  exports: [TrustAnchorService],
})
export class TrustModule {}
