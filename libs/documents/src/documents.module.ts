import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeysModule } from '@ots/keys';
import { MonitoringModule } from '@ots/monitoring';
import { SequenceCounterEntity } from '@ots/persistence';
import { TrustModule } from '@ots/trust';
import { DocumentIssuerService } from './document-issuer.service.js';
import { DocumentVerificationService } from './document-verification.service.js';
import { DocumentsResolver } from './documents.resolver.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';
import { StatusListController } from './status-list.controller.js';
import { StatusListService } from './status-list.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([IssuedDocumentEntity, SequenceCounterEntity]), KeysModule, TrustModule, MonitoringModule],
  providers: [StatusListService, DocumentIssuerService, DocumentVerificationService, DocumentsResolver],
  controllers: [StatusListController],
  exports: [DocumentIssuerService, DocumentVerificationService],
})
export class DocumentsModule {}
