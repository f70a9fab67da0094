import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { dataSourceOptions } from './data-source-options.js';
import { HealthController } from './health.controller.js';
import { serializeSqliteAccess } from './sqlite-serializer.js';

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
        ...dataSourceOptions({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile }),
        autoLoadEntities: true,
        toRetry: () => false,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options as ConstructorParameters<typeof DataSource>[0]);
        serializeSqliteAccess(dataSource);
        return dataSource.initialize();
      },
    }),
  ],
  controllers: [HealthController],
})
export class PersistenceModule {}
