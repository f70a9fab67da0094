import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { publicKeyObject, transparencyOrigin } from '@ots/jws';
import { KeyRotationService, KeyStore, type KeyChangeRecorder } from '@ots/keys';
import { insertEntities, runStatement, sqlNames, SequenceCounterEntity, takeNextInSequence } from '@ots/persistence';
import { entryLeafHash, readLogEntry, signLogEntry, type LogEvent } from './log-entry.js';
import { consistencyProof, inclusionProof, rootHash, type Hash } from './merkle-tree.js';
import { signCheckpoint } from './signed-note.js';
import { ReceivedCosignatureEntity, TransparencyEntryEntity } from './transparency.entities.js';
import { TransparencyRangeError } from './transparency.errors.js';

/** How many entries one `/transparency/entries` answer holds at most. */
export const MAX_ENTRIES_PER_PAGE = 1000;
const LOG_SEQUENCE = 'transparency-seq';

/** Events a module above keys records at genesis (the trust store's anchors), read inside the genesis transaction. */
export type GenesisSource = (manager: EntityManager) => Promise<LogEvent[]>;

/**
 * This node's append-only transparency log (docs/transparency.md). `append` runs inside the caller's transaction, so
 * an event and its entry commit together or not at all; indexes come from a row-locked counter, so entries are
 * numbered without gaps even with replicas on one database. Leaf hashes are kept in memory in order and extended from
 * the database when asked, so checkpoints and proofs cost no query beyond reading new rows.
 */
@Injectable()
export class TransparencyLogService implements OnModuleInit, OnApplicationBootstrap, KeyChangeRecorder {
  private readonly logger = new Logger(TransparencyLogService.name);
  private readonly genesisSources: GenesisSource[] = [];
  private hashes: Hash[] = [];
  private roots = new Map<number, Hash>();
  private signed?: { size: number; kid: string; note: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly rotation: KeyRotationService,
  ) {}

  get origin(): string {
    return transparencyOrigin(this.config.countryCode);
  }

  onModuleInit(): void {
    this.rotation.useRecorder(this);
  }

  addGenesisSource(source: GenesisSource): void {
    this.genesisSources.push(source);
  }

  /** First start: the genesis entry, every key the node holds and every anchor it has; later starts: keys changed meanwhile. */
  async onApplicationBootstrap(): Promise<void> {
    const appended = await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const { table } = sqlNames(manager, TransparencyEntryEntity);
      const [row] = await runStatement<{ n: number | string }>(manager, `SELECT COUNT(*) AS "n" FROM ${table}`, []);
      const events: LogEvent[] = [];
      const genesis = Number(row?.n ?? 0) === 0;
      if (genesis) events.push({ event: 'log.genesis', subject: this.config.countryCode, origin: this.origin });
      events.push(...(await this.keyEvents(manager)));
      if (genesis) for (const source of this.genesisSources) events.push(...(await source(manager)));
      await this.append(manager, events);
      return events.length;
    });
    if (appended > 0) this.logger.log(`transparency log: ${appended} entries recorded at start-up`);
  }

  /** KeyChangeRecorder: whatever keys.json holds that the log does not record yet, in the caller's transaction. */
  async recordKeyChanges(manager: EntityManager): Promise<void> {
    await this.lock(manager);
    await this.append(manager, await this.keyEvents(manager));
  }

  /** Appends events in order inside the caller's transaction; returns the index of the first. */
  async append(manager: EntityManager, events: readonly LogEvent[]): Promise<number> {
    if (events.length === 0) return -1;
    const first = await takeNextInSequence(manager, LOG_SEQUENCE, events.length);
    const at = new Date();
    const iat = Math.floor(at.getTime() / 1000);
    const logKey = this.keys.currentLogKey();
    const rows: TransparencyEntryEntity[] = [];
    for (const [i, event] of events.entries()) {
      const leaf = await signLogEntry({ ...event, v: 1, iss: this.config.countryCode, idx: first + i, iat }, logKey);
      rows.push(
        Object.assign(new TransparencyEntryEntity(), {
          idx: first + i,
          event: event.event,
          subject: event.subject.slice(0, 64),
          leaf,
          leafHash: entryLeafHash(leaf).toString('hex'),
          at,
        }),
      );
    }
    await insertEntities(manager, TransparencyEntryEntity, rows);
    return first;
  }

  /** The current size and root; reads only rows appended since the last call. */
  async tree(): Promise<{ size: number; rootHash: Hash }> {
    const hashes = await this.sync();
    return { size: hashes.length, rootHash: this.rootAt(hashes.length) };
  }

  /** The root hash of the first `size` entries (a size this log has reached). */
  rootAt(size: number): Hash {
    let root = this.roots.get(size);
    if (!root) {
      root = rootHash(this.hashes, size);
      if (this.roots.size > 64) this.roots.clear();
      this.roots.set(size, root);
    }
    return root;
  }

  /** The signed checkpoint (c2sp.org/tlog-checkpoint) of the current tree, with the cosignatures partners made of it. */
  async checkpoint(): Promise<string> {
    const { size, rootHash: root } = await this.tree();
    const logKey = this.keys.currentLogKey();
    if (this.signed?.size !== size || this.signed.kid !== logKey.kid) {
      const note = signCheckpoint(
        { origin: this.origin, size, rootHash: root },
        this.origin,
        logKey.privateJwk,
        publicKeyObject(logKey.publicJwk),
      );
      this.signed = { size, kid: logKey.kid, note };
    }
    const cosignatures = await this.dataSource
      .getRepository(ReceivedCosignatureEntity)
      .find({ where: { size, rootHash: root.toString('base64') }, order: { witness: 'ASC' } });
    return this.signed.note + cosignatures.map((c) => c.line).join('');
  }

  /** Entries `[start, end)`; `end` past the tree is cut to its size. */
  async entries(start: number, end: number): Promise<{ index: number; leaf: string }[]> {
    const { size } = await this.tree();
    if (start >= size) throw range(`start ${start} is not below the tree size ${size}`);
    if (end <= start) throw range(`end ${end} must be greater than start ${start}`);
    const last = Math.min(end, size, start + MAX_ENTRIES_PER_PAGE);
    const rows = await this.dataSource
      .getRepository(TransparencyEntryEntity)
      .createQueryBuilder('e')
      .where('e.idx >= :start AND e.idx < :last', { start, last })
      .orderBy('e.idx', 'ASC')
      .getMany();
    return rows.map((r) => ({ index: r.idx, leaf: Buffer.from(r.leaf, 'ascii').toString('base64') }));
  }

  /** Every entry's payload, oldest first, as this node wrote it (for historical keys and tests of the node's own log). */
  async payloads(): Promise<ReturnType<typeof readLogEntry>[]> {
    const rows = await this.dataSource.getRepository(TransparencyEntryEntity).find({ order: { idx: 'ASC' } });
    return rows.map((r) => readLogEntry(r.leaf));
  }

  async inclusion(index: number, size: number): Promise<{ leafHash: Hash; rootHash: Hash; proof: Hash[] }> {
    const tree = await this.tree();
    if (size < 1 || size > tree.size) throw range(`size ${size} is not between 1 and the tree size ${tree.size}`);
    if (index >= size) throw range(`index ${index} is not below size ${size}`);
    return { leafHash: this.hashes[index] as Hash, rootHash: this.rootAt(size), proof: inclusionProof(this.hashes, index, size) };
  }

  async consistency(from: number, to: number): Promise<Hash[]> {
    const tree = await this.tree();
    if (to > tree.size) throw range(`to ${to} is past the tree size ${tree.size}`);
    if (from > to) throw range(`from ${from} is greater than to ${to}`);
    return consistencyProof(this.hashes, from, to);
  }

  private async sync(): Promise<Hash[]> {
    const rows = await this.dataSource
      .getRepository(TransparencyEntryEntity)
      .createQueryBuilder('e')
      .select(['e.idx', 'e.leafHash'])
      .where('e.idx >= :from', { from: this.hashes.length })
      .orderBy('e.idx', 'ASC')
      .getMany();
    for (const row of rows) {
      // Rows commit in index order (the counter is locked until commit); a gap would be a later one seen first.
      if (row.idx !== this.hashes.length) break;
      this.hashes.push(Buffer.from(row.leafHash, 'hex'));
    }
    return this.hashes;
  }

  /** Holds the log's counter row until commit, so that what is read of the log stays true while this transaction appends. */
  private async lock(manager: EntityManager): Promise<void> {
    const { table, column: c } = sqlNames(manager, SequenceCounterEntity);
    await runStatement(manager, `UPDATE ${table} SET ${c('next')} = ${c('next')} WHERE ${c('id')} = ?`, [LOG_SEQUENCE]);
  }

  /** The node's keys that the log does not record yet: a `key.added` for each new key, a `key.revoked` for each retired one. */
  private async keyEvents(manager: EntityManager): Promise<LogEvent[]> {
    const { table, column: c } = sqlNames(manager, TransparencyEntryEntity);
    const logged = await runStatement<{ event: string; subject: string; leaf: string }>(
      manager,
      `SELECT ${c('event')} AS "event", ${c('subject')} AS "subject", ${c('leaf')} AS "leaf" FROM ${table} WHERE ${c('event')} IN ('key.added', 'key.revoked')`,
      [],
    );
    // A superseded key found compromised later is revoked again, with the graver reason.
    const seen = new Set(
      logged.map((l) =>
        l.event === 'key.revoked' ? `key.revoked ${l.subject} ${String(readLogEntry(l.leaf).reason)}` : `key.added ${l.subject}`,
      ),
    );
    const events: LogEvent[] = [];
    for (const key of this.keys.history()) {
      if (!seen.has(`key.added ${key.kid}`)) {
        events.push({
          event: 'key.added',
          subject: key.kid,
          role: key.role,
          jwk: key.publicJwk,
          created_at: key.createdAt,
          ...(key.certificate ? { certificate: key.certificate, exp: key.certificateExpiresAt } : {}),
        });
      }
      if (key.retiredAt && !seen.has(`key.revoked ${key.kid} ${key.revocationReason ?? 'superseded'}`)) {
        events.push({
          event: 'key.revoked',
          subject: key.kid,
          role: key.role,
          revoked_at: key.retiredAt,
          reason: key.revocationReason ?? 'superseded',
        });
      }
    }
    return events;
  }
}

const range = (detail: string): TransparencyRangeError => new TransparencyRangeError(detail, { detail }, { extensions: { detail } });
