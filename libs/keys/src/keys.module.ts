import { Module } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import { EntityConfigurationService } from './entity-configuration.service.js';
import { KeyRotationService } from './key-rotation.service.js';
import { KeyStore } from './key-store.js';
import { KeysResolver } from './keys.resolver.js';
import { NodeInfoResolver } from './node-info.resolver.js';
import { WellKnownController } from './well-known.controller.js';

/** The node's own keys and how it presents itself: entity configuration, JWKS, the `node` query. */
@Module({
  providers: [
    { provide: KeyStore, inject: [NodeConfig], useFactory: (config: NodeConfig) => KeyStore.open(config.dataDir, config.countryCode) },
    EntityConfigurationService,
    KeyRotationService,
    NodeInfoResolver,
    KeysResolver,
  ],
  controllers: [WellKnownController],
  exports: [KeyStore, EntityConfigurationService, KeyRotationService],
})
export class KeysModule {}
