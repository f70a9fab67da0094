import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ShutdownSignal } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { ConfigError, type FederationConfig, type NodeConfig } from '@ots/config';
import { BODY_LIMIT_BYTES } from '@ots/graphql-api';
import { trustPartnerCertificates } from '@ots/jws';
import { checkKeyCustody } from '@ots/keys';
import { NodeLogger, nodeLogger, startTracing, useNodeLogger } from '@ots/monitoring';
import { parseCaseEventSubscribers, SUBSCRIBERS_VARIABLE } from '@ots/case-events';
import { loadCatalog, loadTerms } from '@ots/registry';
import { loadRegistersSeed } from '@ots/registers';
import { AppModule, type NodeSeed } from './app.module.js';

/** Builds the node application without listening: what tests drive through supertest. */
export async function createNodeApp(
  config: NodeConfig,
  federation: FederationConfig,
  seed = loadNodeSeed(config, federation),
): Promise<NestFastifyApplication> {
  const tls = loadTlsMaterial(config);
  trustPartnerCertificates(loadPartnerCa(config));
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (config.otlpEndpoint) startTracing(config.otlpEndpoint, `ots-node-${config.countryCode}`);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, federation, seed),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, ...(tls ? { https: tls } : {}) } as ConstructorParameters<typeof FastifyAdapter>[0]),
    {
      abortOnError: false,
      // One logger per process (JSON lines, libs/monitoring); the first app made in it sets its level.
      logger: nodeLogger() ?? useNodeLogger(new NodeLogger(config.logLevel)),
    },
  );
  // SIGHUP is not a stop: it makes the node re-read federation-config (ConfigurationReloadService).
  app.enableShutdownHooks(Object.values(ShutdownSignal).filter((signal) => signal !== ShutdownSignal.SIGHUP));
  return app;
}

/**
 * The country's catalog, registers (REGISTERS_*, the citizens file for the file adapter) and case-event
 * subscribers, validated: a bad file or subscriber list stops the node before anything is written.
 */
export function loadNodeSeed(config: NodeConfig, federation: FederationConfig, env: NodeJS.ProcessEnv = process.env): NodeSeed {
  return {
    registry: { catalog: loadCatalog(federation.directory, config.countryCode), terms: loadTerms(federation.directory) },
    registers: loadRegistersSeed(federation.directory, config.countryCode, env),
    caseEventSubscribers: parseCaseEventSubscribers(env[SUBSCRIBERS_VARIABLE]),
  };
}

function readSetting(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${variable}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function certificate(variable: string, path: string, pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new ConfigError(`${variable}: ${path} holds no PEM certificate`);
  }
}

/** The certificate chain and key the node listens with, checked to belong together; undefined without TLS. */
export function loadTlsMaterial(config: NodeConfig): { cert: string; key: string } | undefined {
  if (!config.tls) return undefined;
  const { certFile, keyFile } = config.tls;
  const cert = readSetting('TLS_CERT_FILE', certFile);
  const key = readSetting('TLS_KEY_FILE', keyFile);
  const leaf = certificate('TLS_CERT_FILE', certFile, cert);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new ConfigError(`TLS_KEY_FILE: ${keyFile} holds no PEM private key (or it is encrypted)`);
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new ConfigError(`TLS_KEY_FILE: ${keyFile} is not the key of the certificate in ${certFile}`);
  return { cert, key };
}

/** The extra certificate authorities partners' https certificates may chain to (PARTNER_CA_FILE), checked. */
export function loadPartnerCa(config: NodeConfig): string | undefined {
  if (!config.partnerCaFile) return undefined;
  const pem = readSetting('PARTNER_CA_FILE', config.partnerCaFile);
  certificate('PARTNER_CA_FILE', config.partnerCaFile, pem);
  return pem;
}

/**
 * Checks what would otherwise fail half-way through start-up, before
 * anything is written to disk: the TLS files are readable and match, the
 * port is free and an existing SQLite file is a readable database.
 */
export async function preflight(config: NodeConfig): Promise<void> {
  loadTlsMaterial(config);
  loadPartnerCa(config);
  checkKeyCustody(config.dataDir, config.keyBackend);
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
