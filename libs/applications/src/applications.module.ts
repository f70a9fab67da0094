import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@ots/documents';
import { MessagingModule } from '@ots/messaging';
import { TrustModule } from '@ots/trust';
import { ApplicationEntity, CitizenDocumentEntity, EvidenceRequestEntity, TaxRecordEntity } from './application.entities.js';
import { ApplicationsResolver } from './applications.resolver.js';
import type { CitizenRecords } from './citizen-records.js';
import { CITIZEN_RECORDS, ResidencePermitService } from './residence-permit.service.js';
import { TaxService } from './tax.service.js';

/** Cross-border cases; the citizens' records are loaded and validated before the node starts. */
@Module({})
export class ApplicationsModule {
  static forRoot(records: CitizenRecords, registry: DynamicModule): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        TypeOrmModule.forFeature([ApplicationEntity, EvidenceRequestEntity, CitizenDocumentEntity, TaxRecordEntity]),
        DocumentsModule,
        MessagingModule,
        registry,
        TrustModule,
      ],
      providers: [{ provide: CITIZEN_RECORDS, useValue: records }, ResidencePermitService, TaxService, ApplicationsResolver],
    };
  }
}
