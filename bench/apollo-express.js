// The "Apollo on Express" baseline of the registry benchmark (issue #6 item 2): the node's own
// RegistryResolver, RegistryService and catalog seed, served by @nestjs/apollo on
// @nestjs/platform-express with Apollo's defaults, the stack most NestJS users start with.
//
//   npm run build && node bench/apollo-express.js --country TR --port 4905 --data-dir <tmp>
//
// Prints `ready` once listening on 127.0.0.1:<port>, POST /graphql. Takes the node's flags and
// variables (loadNodeConfig), so the same catalog, fallback chains and default language apply.
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../dist/libs/audit/src/index.js';
import { ConfigModule, defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '../dist/libs/config/src/index.js';
import { I18nModule } from '../dist/libs/i18n/src/index.js';
import { IdentityModule } from '../dist/libs/identity/src/index.js';
import { KeysModule } from '../dist/libs/keys/src/index.js';
import { PersistenceModule, SequenceCounterEntity } from '../dist/libs/persistence/src/index.js';
import { FederatedSearchService, REGISTRY_SEED, RegistryService, RegistryServiceEntity } from '../dist/libs/registry/src/index.js';
import { RegistryResolver } from '../dist/libs/registry/src/registry.resolver.js';
import { TrustModule } from '../dist/libs/trust/src/index.js';
import { loadNodeSeed } from '../dist/apps/node/src/bootstrap.js';

const federation = loadFederationConfig(process.env.FEDERATION_CONFIG_DIR ?? defaultFederationConfigDir());
const config = loadNodeConfig(process.argv.slice(2), process.env, federation);
const seed = loadNodeSeed(config, federation).registry;

// RegistryModule.forRoot minus PublicQueryCache (it hooks into Fastify, and a response cache
// is not what this baseline measures) and the snapshot controller (not part of the query).
// Module() decorates in place and returns nothing, hence the class first, then the call.
class RegistryBenchModule {}
Module({
  imports: [TypeOrmModule.forFeature([RegistryServiceEntity, SequenceCounterEntity]), KeysModule, TrustModule],
  providers: [{ provide: REGISTRY_SEED, useValue: seed }, RegistryService, FederatedSearchService, RegistryResolver],
})(RegistryBenchModule);

class BenchAppModule {}
Module({
  imports: [
    ConfigModule.forRoot(config, federation),
    I18nModule,
    PersistenceModule,
    AuditModule,
    // Its global guard is what the node runs before every resolver (@Public lets the query through).
    IdentityModule,
    RegistryBenchModule,
    GraphQLModule.forRoot({
      driver: ApolloDriver,
      autoSchemaFile: true,
      graphiql: false,
      // Only the registry's operations: the admin resolvers of KeysModule, TrustModule and
      // AuditModule have no business in a baseline.
      include: [RegistryBenchModule],
    }),
  ],
})(BenchAppModule);

mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
const app = await NestFactory.create(BenchAppModule, new ExpressAdapter(), {
  abortOnError: false,
  // Nest logs to stdout below 'error': stdout stays the one `ready` line a harness waits for.
  logger: ['error', 'fatal'],
});
app.enableShutdownHooks();
await app.listen(config.port, config.host);
process.stdout.write('ready\n');
