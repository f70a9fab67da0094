import { Global, Module, type DynamicModule } from '@nestjs/common';
import { FederationConfig } from './federation-config.js';
import { NodeConfig } from './node-config.js';

/** Makes the start-up-validated configuration injectable; built once by the app, never re-read. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(node: NodeConfig, federation: FederationConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: NodeConfig, useValue: node },
        { provide: FederationConfig, useValue: federation },
      ],
      exports: [NodeConfig, FederationConfig],
    };
  }
}
