import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SequenceCounterEntity } from '@ots/persistence';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity, SequenceCounterEntity])],
  providers: [AuditLogService, AuditResolver],
  exports: [AuditLogService],
})
export class AuditModule {}
