// Fills a node's database with what years of use leave behind, fast: whole batches through libs/persistence's
// insertEntities (multi-row INSERTs, one transaction per batch) and the audit log's own appendMany (the chain is
// real, so `fedctl audit verify` has a million hashes to check). Run before the node starts.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AuditEntryEntity, AuditLogService } from '../dist/libs/audit/src/index.js';
import { IssuedDocumentEntity } from '../dist/libs/documents/src/index.js';
import { InboxMessageEntity, OutboxMessageEntity } from '../dist/libs/messaging/src/index.js';
import {
  dataSourceOptions,
  insertEntities,
  NodeDataSource,
  SequenceCounterEntity,
  takeNextInSequence,
} from '../dist/libs/persistence/src/index.js';

const BATCH = 5000;
const STATUS_LIST_CAPACITY = 1 << 17;
// A stored envelope and receipt are about this long (a JWS with a certificate chain).
const ENVELOPE = 'e'.repeat(1200);
const RECEIPT = 'r'.repeat(900);

/** Opens (and migrates) the database the node would use: `<dataRoot>/<CC>/node.sqlite`, or DATABASE_URL's. */
export async function openNodeDatabase(dataRoot, country, env = {}) {
  const target = env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, sqliteFile: '' }
    : { sqliteFile: join(dataRoot, country, 'node.sqlite') };
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dataRoot, country), { recursive: true });
  return new NodeDataSource(
    dataSourceOptions(target, [AuditEntryEntity, IssuedDocumentEntity, OutboxMessageEntity, InboxMessageEntity, SequenceCounterEntity]),
  ).initialize();
}

async function inBatches(total, write) {
  for (let done = 0; done < total; done += BATCH) await write(done, Math.min(BATCH, total - done));
}

/** `count` issued documents, their status slots taken from the node's own counter (so new ones follow them). */
export async function seedDocuments(dataSource, country, count) {
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + 365 * 86400_000);
  await inBatches(count, (_, n) =>
    dataSource.transaction(async (manager) => {
      const first = await takeNextInSequence(manager, 'status-slot', n);
      await insertEntities(
        manager,
        IssuedDocumentEntity,
        Array.from({ length: n }, (_, i) => ({
          jti: randomUUID(),
          docType: 'identity-attestation',
          subject: `${country}:SEED:${first + i}`,
          lang: 'en',
          statusListId: String(Math.floor((first + i) / STATUS_LIST_CAPACITY) + 1),
          statusIndex: (first + i) % STATUS_LIST_CAPACITY,
          issuedBy: `${country}:OFFICER:seed`,
          issuedAt,
          expiresAt,
          revokedAt: null,
          revocationReason: null,
        })),
      );
    }),
  );
}

/** `count` messages delivered to `partner` and `count` received from it, as a year of traffic leaves them. */
export async function seedMessages(dataSource, partner, count) {
  const at = new Date(Date.now() - 86400_000);
  await inBatches(count, (_, n) =>
    dataSource.transaction(async (manager) => {
      await insertEntities(
        manager,
        OutboxMessageEntity,
        Array.from({ length: n }, () => {
          const jti = randomUUID();
          return {
            id: randomUUID(),
            recipient: partner,
            msgType: 'taxpayer.verify',
            jti,
            body: { tin: '1234567890', requestId: jti },
            status: 'delivered',
            attempts: 1,
            nextAttemptAt: at,
            leaseUntil: null,
            lastError: null,
            envelope: ENVELOPE,
            sentDigests: ['0'.repeat(64)],
            receipt: RECEIPT,
            createdAt: at,
            deliveredAt: at,
          };
        }),
      );
      await insertEntities(
        manager,
        InboxMessageEntity,
        Array.from({ length: n }, () => ({
          iss: partner,
          jti: randomUUID(),
          msgType: 'taxpayer.verify',
          envelopeSha256: '0'.repeat(64),
          receipt: RECEIPT,
          receivedAt: at,
        })),
      );
    }),
  );
}

/** `count` more entries at the end of the node's audit log, chained as the node chains them. */
export async function seedAudit(dataSource, count) {
  const audit = new AuditLogService(dataSource);
  await inBatches(count, (done, n) =>
    dataSource.transaction((manager) =>
      audit.appendMany(
        manager,
        Array.from({ length: n }, (_, i) => ({
          actor: 'node:seed',
          action: 'message.sent',
          subject: randomUUID(),
          details: { to: 'TR', msgType: 'taxpayer.verify', n: done + i },
        })),
      ),
    ),
  );
}
