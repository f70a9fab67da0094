import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { unverifiedPayload } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { runStatement, sqlNames, storedValue } from '@ots/persistence';
import { sha256, signEnvelope } from './envelope.js';
import { OutboxMessageEntity } from './message.entities.js';
import { MAX_ENVELOPE_LIFETIME_SECONDS, type EnvelopePayload, type MsgType } from './message-types.js';

/** How long a sender holds a claimed row; after that another pass (or replica) may take it. */
export const LEASE_MS = 30_000;
/** A stored envelope with less than this left is signed afresh before it leaves. */
const RENEW_BEFORE_SECONDS = 60;
/** Digests kept per message: enough for a day of renewed envelopes, whose receipts may still come back. */
const KEPT_DIGESTS = Math.ceil(86400 / MAX_ENVELOPE_LIFETIME_SECONDS);

/** True when `envelope` (this node's own, signed at claim) has under a minute left at `nowSeconds`. */
export function envelopeNeedsRenewal(envelope: string | null, nowSeconds: number): boolean {
  if (!envelope) return true;
  const { exp } = unverifiedPayload<EnvelopePayload>(envelope);
  return typeof exp !== 'number' || exp - nowSeconds <= RENEW_BEFORE_SECONDS;
}

/**
 * Takes due outbox messages for sending: leases them (on PostgreSQL with FOR UPDATE SKIP LOCKED, so replicas
 * sharing the database never take the same row) and gives each an envelope that will still be valid when it
 * arrives. The envelope is stored before it leaves: the receipt names its digest, and after a crash the
 * message must be sent again under an envelope whose digest this node knows.
 */
@Injectable()
export class OutboxClaimer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
  ) {}

  async claim(limit: number, now = new Date()): Promise<OutboxMessageEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(OutboxMessageEntity);
      const due = repository
        .createQueryBuilder('m')
        .where('m.status = :status', { status: 'pending' })
        .andWhere('m.nextAttemptAt <= :now', { now })
        .andWhere('(m.leaseUntil IS NULL OR m.leaseUntil < :now)', { now })
        .orderBy('m.nextAttemptAt', 'ASC')
        .limit(limit);
      if (this.dataSource.options.type === 'postgres') due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await due.getMany();
      if (rows.length === 0) return [];
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      await repository.update({ id: In(rows.map((row) => row.id)) }, { leaseUntil });
      const nowSeconds = Math.floor(now.getTime() / 1000);
      for (const row of rows) {
        row.leaseUntil = leaseUntil;
        if (!envelopeNeedsRenewal(row.envelope, nowSeconds)) continue;
        await this.renewEnvelope(row, nowSeconds);
        const { table, column: c } = sqlNames(manager, OutboxMessageEntity);
        await runStatement(manager, `UPDATE ${table} SET ${c('envelope')} = ?, ${c('sentDigests')} = ? WHERE ${c('id')} = ?`, [
          row.envelope,
          storedValue(manager, OutboxMessageEntity, 'sentDigests', row.sentDigests),
          row.id,
        ]);
      }
      return rows;
    });
  }

  /** A fresh `iat`/`exp` under the same `jti`, so the recipient still sees one message. */
  private async renewEnvelope(message: OutboxMessageEntity, nowSeconds: number): Promise<void> {
    message.envelope = await signEnvelope({
      iss: this.config.countryCode,
      aud: message.recipient,
      jti: message.jti,
      msgType: message.msgType as MsgType,
      body: message.body,
      signer: this.keys.currentSigner(),
      now: nowSeconds,
    });
    message.sentDigests = [...message.sentDigests, sha256(message.envelope)].slice(-KEPT_DIGESTS);
  }
}
