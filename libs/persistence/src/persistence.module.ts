import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeConfig } from '@ots/config';
import { dataSourceOptions } from './data-source-options.js';
import { HealthController } from './health.controller.js';
import { NodeDataSource } from './node-data-source.js';

/**
 * The node's one database: SQLite file under `data/<country>/` by default,
 * PostgreSQL when DATABASE_URL says so. Migrations run before the node
 * answers; a database that cannot be opened stops start-up at once
 * (no retry loop hiding a corrupt file).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [NodeConfig],
      useFactory: (config: NodeConfig) => ({
        ...dataSourceOptions({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, sqliteCacheMib: config.sqliteCacheMib }),
        autoLoadEntities: true,
        toRetry: () => false,
      }),
      dataSourceFactory: (options) => new NodeDataSource(options as ConstructorParameters<typeof NodeDataSource>[0]).initialize(),
    }),
  ],
  controllers: [HealthController],
})
export class PersistenceModule {}
