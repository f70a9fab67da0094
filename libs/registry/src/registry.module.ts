import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeysModule } from '@ots/keys';
import { SequenceCounterEntity } from '@ots/persistence';
import { TrustModule } from '@ots/trust';
import { FederatedSearchService } from './federated-search.service.js';
import { PartnerServicesResolver } from './partner-services.resolver.js';
import { PartnerServicesService } from './partner-services.service.js';
import { PublicQueryCache } from './public-query-cache.js';
import { RegistryServiceEntity } from './registry-service.entity.js';
import { RegistrySnapshotController } from './registry-snapshot.controller.js';
import { RegistryResolver } from './registry.resolver.js';
import { REGISTRY_SEED, RegistryService, type RegistrySeed } from './registry.service.js';

/** The service registry; its seed (the validated catalog files) is loaded before the node starts. */
@Module({})
export class RegistryModule {
  static forRoot(seed: RegistrySeed): DynamicModule {
    return {
      module: RegistryModule,
      imports: [TypeOrmModule.forFeature([RegistryServiceEntity, SequenceCounterEntity]), KeysModule, TrustModule],
      providers: [
        { provide: REGISTRY_SEED, useValue: seed },
        RegistryService,
        FederatedSearchService,
        RegistryResolver,
        PublicQueryCache,
        PartnerServicesService,
        PartnerServicesResolver,
      ],
      controllers: [RegistrySnapshotController],
      exports: [RegistryService, FederatedSearchService],
    };
  }
}
