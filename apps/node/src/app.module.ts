import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@ots/audit';
import { ConfigModule, FederationConfig, NodeConfig } from '@ots/config';
import { DocumentsModule } from '@ots/documents';
import { GraphqlApiModule } from '@ots/graphql-api';
import { I18nModule } from '@ots/i18n';
import { IdentityModule } from '@ots/identity';
import { KeysModule } from '@ots/keys';
import { MessagingModule } from '@ots/messaging';
import { PersistenceModule } from '@ots/persistence';
import { RegistryModule, type RegistrySeed } from '@ots/registry';
import { TrustModule } from '@ots/trust';

@Module({})
export class AppModule {
  static forRoot(config: NodeConfig, federation: FederationConfig, registry: RegistrySeed): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, federation),
        I18nModule,
        PersistenceModule,
        AuditModule,
        GraphqlApiModule,
        IdentityModule,
        KeysModule,
        TrustModule,
        DocumentsModule,
        RegistryModule.forRoot(registry),
        MessagingModule,
      ],
    };
  }
}
