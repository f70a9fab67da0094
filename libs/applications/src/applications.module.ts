import { Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@ots/documents';
import { MessagingModule, MessagingService } from '@ots/messaging';
import { TrustModule } from '@ots/trust';
import { ApplicationEntity, CitizenDocumentEntity, EvidenceRequestEntity, TaxRecordEntity } from './application.entities.js';
import { ApplicationsResolver } from './applications.resolver.js';
import { CaseDeliveryWatcher } from './case-delivery.watcher.js';
import { CaseStore } from './case-store.js';
import { CitizenEvidence } from './citizen-evidence.js';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeApplicationService } from './home-application.service.js';
import { HomeEvidenceService } from './home-evidence.service.js';
import { ResidencePermitHandlers } from './residence-permit.handlers.js';
import { TaxCertificateService } from './tax-certificate.service.js';
import { TaxHandlers } from './tax.handlers.js';
import { TaxpayerCheckService } from './taxpayer-check.service.js';
import { TreatyPartners } from './treaty-partners.js';

/** Cross-border cases; the country's registers come from RegistersModule (global), chosen and validated before start-up. */
@Module({})
export class ApplicationsModule implements OnApplicationBootstrap {
  constructor(private readonly messaging: MessagingService) {}

  /** This module registers every handler (in its providers' onModuleInit); once they all ran, none may be missing. */
  onApplicationBootstrap(): void {
    this.messaging.assertEveryTypeHandled();
  }

  static forRoot(registry: DynamicModule): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        TypeOrmModule.forFeature([ApplicationEntity, EvidenceRequestEntity, CitizenDocumentEntity, TaxRecordEntity]),
        DocumentsModule,
        MessagingModule,
        registry,
        TrustModule,
      ],
      providers: [
        CaseStore,
        CaseDeliveryWatcher,
        CitizenEvidence,
        HomeApplicationService,
        HomeEvidenceService,
        DestinationCaseService,
        ResidencePermitHandlers,
        TreatyPartners,
        TaxCertificateService,
        TaxpayerCheckService,
        TaxHandlers,
        ApplicationsResolver,
      ],
    };
  }
}
