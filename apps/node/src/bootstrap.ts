import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { ConfigError, LOG_LEVELS, type FederationConfig, type NodeConfig } from '@ots/config';
import { BODY_LIMIT_BYTES } from '@ots/graphql-api';
import { loadCitizenRecords } from '@ots/applications';
import { loadCatalog, loadTerms } from '@ots/registry';
import { AppModule, type NodeSeed } from './app.module.js';

/** Builds the node application without listening: what tests drive through supertest. */
export async function createNodeApp(
  config: NodeConfig,
  federation: FederationConfig,
  seed = loadNodeSeed(config, federation),
): Promise<NestFastifyApplication> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, federation, seed),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    {
      abortOnError: false,
      logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
    },
  );
  app.enableShutdownHooks();
  return app;
}

/** The country's catalog and citizen records, validated: a bad file stops the node before anything is written. */
export function loadNodeSeed(config: NodeConfig, federation: FederationConfig): NodeSeed {
  return {
    registry: { catalog: loadCatalog(federation.directory, config.countryCode), terms: loadTerms(federation.directory) },
    citizens: loadCitizenRecords(federation.directory, config.countryCode),
  };
}

/**
 * Checks what would otherwise fail half-way through start-up, before
 * anything is written to disk: the port is free and an existing SQLite
 * file is a readable database.
 */
export async function preflight(config: NodeConfig): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          err.code === 'EADDRINUSE'
            ? `port ${config.port} on ${config.host} is already in use`
            : `cannot listen on ${config.host}:${config.port}: ${err.message}`,
        ),
      ),
    );
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
  if (!config.databaseUrl && existsSync(config.sqliteFile)) {
    try {
      const db = new Database(config.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        db.pragma('schema_version');
      } finally {
        db.close();
      }
    } catch (err) {
      throw new ConfigError(`database ${config.sqliteFile} cannot be opened: ${(err as Error).message}`);
    }
  }
}
