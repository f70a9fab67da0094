import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { calculateJwkThumbprint } from 'jose';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity, AuditModule } from '@ots/audit';
import { CaseEventsModule } from '@ots/case-events';
import { ConfigModule, loadFederationConfig, loadNodeConfig, type FederationConfig, type NodeConfig } from '@ots/config';
import { DocumentsModule } from '@ots/documents';
import type { Principal } from '@ots/identity';
import { I18nModule } from '@ots/i18n';
import { KeysModule, KeyStore } from '@ots/keys';
import {
  encryptEnvelope,
  MessagingModule,
  MessagingService,
  OutboxMessageEntity,
  PartnerDirectory,
  signEnvelope,
  type MsgType,
} from '@ots/messaging';
import { PersistenceModule } from '@ots/persistence';
import { loadCatalog, loadTerms, RegistryModule } from '@ots/registry';
import { TrustAnchorService, TrustModule } from '@ots/trust';
import { ApplicationsModule } from '../applications.module.js';
import { RegistersModule, loadRegistersSeed } from '@ots/registers';

const FEDERATION_DIR = fileURLToPath(new URL('../../../../federation-config', import.meta.url));

/** One node of the federation, built from the real modules over its own SQLite file (real migrations), without HTTP. */
export class InProcessNode {
  constructor(
    readonly country: string,
    readonly baseUrl: string,
    readonly app: NestFastifyApplication,
  ) {}

  /** A provider of this node (a class token; some, like KeyStore, have a private constructor). */
  get<T>(token: { prototype: T }): T {
    return this.app.get(token as Type<T>, { strict: false });
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken(), { strict: false });
  }

  principal(subject: string, role: Principal['roles'][number]): Principal {
    return { subject, roles: [role], issuer: `dev:${this.country}` };
  }

  /** Outgoing messages, oldest first. */
  outbox(msgType?: MsgType): Promise<OutboxMessageEntity[]> {
    return this.dataSource.getRepository(OutboxMessageEntity).find({ where: msgType ? { msgType } : {}, order: { createdAt: 'ASC' } });
  }

  /** Audit entries, oldest first. */
  audit(action?: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: action ? { action } : {}, order: { seq: 'ASC' } });
  }

  /** Row counts of the given tables: what a refused command must leave unchanged. */
  async counts(tables: readonly string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await this.dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  }

  /**
   * What the partner's outbox worker would do with one message: signs it
   * as `from`, encrypts it to this node and hands it to this node's real
   * inbound path (`MessagingService.receive`); resolves to the receipt.
   */
  async receiveFrom(from: InProcessNode, msgType: MsgType, body: Record<string, unknown>, jti = randomUUID()): Promise<string> {
    const envelope = await signEnvelope({
      iss: from.country,
      aud: this.country,
      jti,
      msgType,
      body,
      signer: from.get(KeyStore).currentSigner(),
    });
    const partner = await from.get(PartnerDirectory).partner(this.country);
    if (!partner) throw new Error(`${from.country} does not trust ${this.country}`);
    return this.get(MessagingService).receive(encryptEnvelope(envelope, partner.encryptionKey));
  }

  /** The newest outgoing message of `msgType` whose body matches, handed to its recipient `to`; resolves to the receipt. */
  async relayTo(to: InProcessNode, msgType: MsgType, matches: (body: Record<string, unknown>) => boolean = () => true): Promise<string> {
    const message = (await this.outbox(msgType)).filter((m) => m.recipient === to.country && matches(m.body)).at(-1);
    if (!message) throw new Error(`${this.country} has no ${msgType} for ${to.country}`);
    return to.receiveFrom(this, msgType, message.body);
  }
}

/**
 * Several nodes in one process for service-level specs: each is the real
 * Nest modules over a real SQLite file. Each node's base URL is a real HTTP
 * server on its own loopback address that answers partners' GETs (entity
 * configuration, registry snapshot, status lists) with the node's own
 * controllers and refuses every POST with 503: messages travel only when a
 * spec hands them over (`receiveFrom`), so the outbox rows stay as the
 * services wrote them, and the outbox worker's sends are retried only after
 * the spec has ended.
 */
export class InProcessFederation {
  private readonly servers: Server[] = [];

  private constructor(
    private readonly dataRoot: string,
    private readonly nodes: Map<string, InProcessNode>,
  ) {}

  static async start(countries: readonly string[]): Promise<InProcessFederation> {
    const federation = loadFederationConfig(FEDERATION_DIR);
    const dataRoot = mkdtempSync(join(tmpdir(), 'ots-applications-'));
    const nodes = new Map<string, InProcessNode>();
    const started = new InProcessFederation(dataRoot, nodes);
    for (const [i, country] of countries.entries()) {
      // The server must listen before the node starts (the node's URL names its port), and answers once it has.
      const serving: { app?: NestFastifyApplication } = {};
      const server = createServer((request, response) => void answerPartner(serving.app, request, response));
      started.servers.push(server);
      const host = `127.0.0.${i + 2}`;
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      const baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
      serving.app = await startNode(country, baseUrl, dataRoot, federation);
      nodes.set(country, new InProcessNode(country, baseUrl, serving.app));
    }
    for (const node of nodes.values()) {
      for (const partner of nodes.values()) if (partner !== node) await started.trust(node, partner);
    }
    return started;
  }

  node(country: string): InProcessNode {
    const node = this.nodes.get(country);
    if (!node) throw new Error(`no node ${country}`);
    return node;
  }

  async stop(): Promise<void> {
    for (const node of this.nodes.values()) await node.app.close();
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(this.dataRoot, { recursive: true, force: true });
  }

  /** The trust ceremony: `node`'s admin pins `partner`'s root keys and adds it (docs/protocol section 3). */
  private async trust(node: InProcessNode, partner: InProcessNode): Promise<void> {
    const thumbprints = await Promise.all(
      partner
        .get(KeyStore)
        .rootPublicJwks()
        .map((jwk) => calculateJwkThumbprint(jwk, 'sha256')),
    );
    await node
      .get(TrustAnchorService)
      .add({ country: partner.country, thumbprints, baseUrl: partner.baseUrl }, node.principal(`${node.country}:ADMIN:1`, 'admin'));
  }
}

/** A partner's GET answered by the node's own controllers; a POST (a message) is refused so that it stays queued. */
async function answerPartner(app: NestFastifyApplication | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!app || request.method !== 'GET') {
    response.writeHead(503).end();
    return;
  }
  const answer = await app.inject({ method: 'GET', url: request.url ?? '/', headers: request.headers as Record<string, string> });
  response
    .writeHead(answer.statusCode, answer.headers as Record<string, string>)
    .end(answer.statusCode === 304 ? undefined : answer.rawPayload);
}

async function startNode(
  country: string,
  baseUrl: string,
  dataRoot: string,
  federation: FederationConfig,
): Promise<NestFastifyApplication> {
  const env = {
    DATA_DIR: dataRoot,
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: 'error',
    TRUST_REFRESH_SECONDS: '0',
    OUTBOX_BASE_DELAY_MS: '600000',
  };
  const config: NodeConfig = loadNodeConfig(['--country', country], env, federation);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const registry = RegistryModule.forRoot({ catalog: loadCatalog(federation.directory, country), terms: loadTerms(federation.directory) });
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config, federation),
      I18nModule,
      PersistenceModule,
      AuditModule,
      KeysModule,
      TrustModule,
      DocumentsModule,
      registry,
      MessagingModule,
      CaseEventsModule.forRoot([]),
      RegistersModule.forRoot(loadRegistersSeed(federation.directory, country, {})),
      ApplicationsModule.forRoot(registry),
    ],
  }).compile();
  const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
  await app.init();
  return app;
}
