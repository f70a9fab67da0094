import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import { EntityConfigurationService } from './entity-configuration.service.js';
import { openKeyStore } from './key-custody.js';
import { KeyRotationService } from './key-rotation.service.js';
import { KeyStore } from './key-store.js';
import { KeysResolver } from './keys.resolver.js';
import { NodeInfoResolver } from './node-info.resolver.js';
import { WellKnownController } from './well-known.controller.js';

/** The node's own keys and how it presents itself: entity configuration, JWKS, the `node` query. */
@Module({
  providers: [
    {
      provide: KeyStore,
      inject: [NodeConfig],
      useFactory: (config: NodeConfig) => openKeyStore(config.dataDir, config.countryCode, config.keyBackend),
    },
    EntityConfigurationService,
    KeyRotationService,
    NodeInfoResolver,
    KeysResolver,
  ],
  controllers: [WellKnownController],
  exports: [KeyStore, EntityConfigurationService, KeyRotationService],
})
export class KeysModule implements OnApplicationShutdown {
  constructor(@Inject(KeyStore) private readonly keys: KeyStore) {}

  /** Logs out of the token (a no-op for the file backend). */
  onApplicationShutdown(): void {
    this.keys.close();
  }
}
