import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditEntryEntity, AuditLogService } from '@ots/audit';
import { defaultFederationConfigDir, loadFederationConfig, loadNodeConfig, type NodeConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { thumbprint } from '@ots/jws';
import { EntityConfigurationService, KeyRotationService, openKeyStore, type KeyStore } from '@ots/keys';
import { InboxMessageEntity, MessagingService, OutboxMessageEntity, PartnerDirectory } from '@ots/messaging';
import { MetricsRecorder } from '@ots/monitoring';
import { dataSourceOptions, NodeDataSource, SequenceCounterEntity } from '@ots/persistence';
import { TrustAnchorEntity, TrustAnchorKeyEntity, TrustViewService } from '@ots/trust';
import { sqliteTarget } from './databases.js';
import { tempDataRoot } from './processes.js';

const federation = loadFederationConfig(defaultFederationConfigDir());

/** What the node's `deliver` endpoint answers instead of its MessagingService, when a spec says so. */
export type DeliverOverride = (message: string) => { status: number; body: string } | undefined;

/**
 * One node's messaging, in process, on a SQLite database of its own (real migrations) and a key file of its
 * own, with a real HTTP `deliver` endpoint on an ephemeral port that answers through its MessagingService,
 * as a partner node would (the test double is the partner's transport, not our components).
 */
export interface MessagingNode {
  country: string;
  url: string;
  config: NodeConfig;
  dataSource: NodeDataSource;
  keys: KeyStore;
  audit: AuditLogService;
  trustView: TrustViewService;
  partners: PartnerDirectory;
  messaging: MessagingService;
  entityConfiguration: EntityConfigurationService;
  /** Every message POSTed to this node's endpoint. */
  delivered: string[];
  /** The Accept-Language of each delivery, in order. */
  deliveryLanguages: (string | undefined)[];
  override?: DeliverOverride;
  close(): Promise<void>;
}

export async function startMessagingNode(country: string, env: Record<string, string> = {}): Promise<MessagingNode> {
  const root = tempDataRoot(`messaging-${country}`);
  const delivered: string[] = [];
  const deliveryLanguages: (string | undefined)[] = [];
  let node: MessagingNode | undefined = undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const message = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { message: string } }).variables.message;
      delivered.push(message);
      deliveryLanguages.push(request.headers['accept-language']);
      void answer(node as MessagingNode, message).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadNodeConfig(
    ['--country', country],
    { DATA_DIR: root, PUBLIC_BASE_URL: url, OUTBOX_MAX_ATTEMPTS: '5', OUTBOX_BASE_DELAY_MS: '10', ...env },
    federation,
  );
  const dataSource = await new NodeDataSource(
    dataSourceOptions({ sqliteFile: sqliteTarget().sqliteFile }, [
      OutboxMessageEntity,
      InboxMessageEntity,
      AuditEntryEntity,
      SequenceCounterEntity,
      TrustAnchorEntity,
      TrustAnchorKeyEntity,
    ]),
  ).initialize();
  const keys = await openKeyStore(config.dataDir, country, config.keyBackend);
  const audit = new AuditLogService(dataSource);
  const entityConfiguration = new EntityConfigurationService(keys, config, federation);
  const trustView = new TrustViewService(dataSource, config, keys, new KeyRotationService(keys, entityConfiguration, audit, dataSource));
  node = {
    country,
    url,
    config,
    dataSource,
    keys,
    audit,
    trustView,
    partners: new PartnerDirectory(trustView),
    messaging: new MessagingService(dataSource, keys, trustView, config, audit, new MetricsRecorder()),
    entityConfiguration,
    delivered,
    deliveryLanguages,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await dataSource.destroy();
    },
  };
  return node;
}

async function answer(node: MessagingNode, message: string): Promise<{ status: number; body: string }> {
  const overridden = node.override?.(message);
  if (overridden) return overridden;
  try {
    return { status: 200, body: JSON.stringify({ data: { deliver: await node.messaging.receive(message) } }) };
  } catch (err) {
    const extensions = err instanceof OtsError ? { ...err.extensions, code: err.code } : { code: 'INTERNAL' };
    return { status: 200, body: JSON.stringify({ data: null, errors: [{ message: (err as Error).message, extensions }] }) };
  }
}

/** Makes `node` trust `partner` as an admin's addTrustAnchor would have: its roots pinned, its statement accepted. */
export async function trust(node: MessagingNode, partner: MessagingNode): Promise<void> {
  const now = new Date();
  const anchor = node.dataSource.getRepository(TrustAnchorEntity).create({
    country: partner.country,
    status: 'active',
    validFrom: new Date(now.getTime() - 60_000),
    validTo: null,
    servicesAllowed: null,
    baseUrl: partner.url,
    graphqlEndpoint: `${partner.url}/graphql`,
    statusListEndpoint: `${partner.url}/status-lists`,
    entityConfiguration: (await partner.entityConfiguration.current()).body,
    refreshedAt: now,
    createdAt: now,
    updatedAt: now,
    keys: await Promise.all(
      partner.keys.rootPublicJwks().map(async (jwk) => ({
        country: partner.country,
        thumbprint: await thumbprint(jwk),
        jwk: jwk,
        source: 'pinned' as const,
        status: 'active' as const,
        revokedAt: null,
        revocationReason: null,
        addedAt: now,
      })),
    ),
  });
  await node.dataSource.getRepository(TrustAnchorEntity).save(anchor);
  node.trustView.invalidate();
}
