import { Module } from '@nestjs/common';
import { ConfigurationReloadResolver } from './configuration-reload.resolver.js';
import { ConfigurationReloadService } from './configuration-reload.service.js';

/** The federation's membership as data: a running node takes a new federation-config, validated, without a restart. */
@Module({
  providers: [ConfigurationReloadService, ConfigurationReloadResolver],
  exports: [ConfigurationReloadService],
})
export class MembershipModule {}
