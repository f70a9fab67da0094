import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationsModule } from '@ots/applications';
import { AuditModule } from '@ots/audit';
import { BackupModule } from '@ots/backup';
import { CaseEventsModule, type CaseEventSubscriber } from '@ots/case-events';
import { ConsoleApiModule } from '@ots/console-api';
import { ConsoleHostModule } from '@ots/console-host';
import { ConfigModule, FederationConfig, NodeConfig } from '@ots/config';
import { DocumentsModule } from '@ots/documents';
import { GraphqlApiModule } from '@ots/graphql-api';
import { I18nModule } from '@ots/i18n';
import { IdentityModule } from '@ots/identity';
import { KeysModule } from '@ots/keys';
import { MembershipModule } from '@ots/membership';
import { MessagingModule } from '@ots/messaging';
import { MonitoringModule } from '@ots/monitoring';
import { PersistenceModule } from '@ots/persistence';
import { RegistryModule, type RegistrySeed } from '@ots/registry';
import { RegistersModule, type RegistersSeed } from '@ots/registers';
import { TrustModule } from '@ots/trust';

/** What the node loads and validates from federation-config before Nest starts. */
export interface NodeSeed {
  registry: RegistrySeed;
  registers: RegistersSeed;
  /** CASE_EVENT_SUBSCRIBERS, validated. */
  caseEventSubscribers: CaseEventSubscriber[];
}

@Module({})
export class AppModule {
  static forRoot(config: NodeConfig, federation: FederationConfig, seed: NodeSeed): DynamicModule {
    const registry = RegistryModule.forRoot(seed.registry);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, federation),
        I18nModule,
        PersistenceModule,
        AuditModule,
        BackupModule,
        GraphqlApiModule,
        MonitoringModule,
        IdentityModule,
        KeysModule,
        TrustModule,
        MembershipModule,
        DocumentsModule,
        registry,
        MessagingModule,
        CaseEventsModule.forRoot(seed.caseEventSubscribers),
        RegistersModule.forRoot(seed.registers),
        ApplicationsModule.forRoot(registry),
        ConsoleHostModule,
        ConsoleApiModule,
      ],
    };
  }
}
