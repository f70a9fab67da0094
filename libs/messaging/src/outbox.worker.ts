import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditLogService, type AuditEvent } from '@ots/audit';
import { NodeConfig } from '@ots/config';
import { KeyStore } from '@ots/keys';
import { runStatement, storedValue } from '@ots/persistence';
import { backoffDelay } from './backoff.js';
import { encryptEnvelope, sha256, signEnvelope, verifyReceipt } from './envelope.js';
import { OutboxMessageEntity } from './message.entities.js';
import { MAX_ENVELOPE_LIFETIME_SECONDS, type MsgType } from './message-types.js';
import { MessagingService } from './messaging.service.js';
import { PartnerDirectory } from './partner-directory.service.js';
import { postJson, type PartnerAnswer } from './partner-http.js';

/** Messages on their way at once; each holds a lease on its row. */
const MAX_IN_FLIGHT = 64;
const LEASE_MS = 30_000;
const IDLE_POLL_MS = 250;
const SEND_TIMEOUT_MS = 10_000;
/** Refusals that no retry can change: the message is parked at once. */
const PERMANENT = new Set(['MESSAGE_NOT_ACCEPTED', 'MESSAGE_MALFORMED', 'MESSAGE_TOO_LARGE', 'MESSAGE_WRONG_AUDIENCE']);

class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a send came to, written with others in one transaction. */
type Outcome = { message: OutboxMessageEntity } & ({ receipt: string; envelope: string } | { error: SendError });

interface PendingOutcome {
  outcome: Outcome;
  written: () => void;
  failed: (err: unknown) => void;
}

/**
 * Sends the outbox: claims due messages under a lease (on PostgreSQL with
 * FOR UPDATE SKIP LOCKED, so replicas sharing the database never take the
 * same row), encrypts and delivers them, and keeps each until a valid
 * receipt comes back, retrying with exponential backoff and jitter. A
 * crash leaves the lease to expire and the message is sent again; the
 * recipient's (iss, jti) check makes that harmless.
 *
 * Up to MAX_IN_FLIGHT messages travel at once and a finished one makes
 * room for the next at once (a slow partner does not hold back a batch).
 * Outcomes that finish while one is being written are written together,
 * in one transaction with one group of audit entries: one commit for many
 * receipts.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<boolean>;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly outcomes: PendingOutcome[] = [];
  private writing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    messaging: MessagingService,
    private readonly partners: PartnerDirectory,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
  ) {
    messaging.onEnqueue(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all(this.inFlight);
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().catch((err: Error) => {
        this.logger.error(`outbox pass failed: ${err.message}`);
        return false;
      });
      void this.running.then((busy) => {
        this.running = undefined;
        if (!this.stopped) this.schedule(busy || this.again ? 0 : IDLE_POLL_MS);
        this.again = false;
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One pass: claims what fits in flight and starts sending it; true when there may be more to claim. */
  private async pass(): Promise<boolean> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    // Full: every send that finishes kicks a new pass.
    if (room === 0) return false;
    const claimed = await this.claim(room);
    for (const message of claimed) {
      const sending: Promise<void> = this.send(message)
        .catch((err: Error) =>
          this.logger.error(`recording the send of ${message.jti} failed, it is sent again after its lease: ${err.message}`),
        )
        .finally(() => {
          this.inFlight.delete(sending);
          this.kick();
        });
      this.inFlight.add(sending);
    }
    return claimed.length === room;
  }

  /**
   * Leases due messages and gives each an envelope that will still be valid
   * when it arrives. The envelope is stored before it leaves: the receipt
   * names its digest, and after a crash the message must be sent again under
   * an envelope whose digest this node knows.
   */
  private async claim(limit: number): Promise<OutboxMessageEntity[]> {
    const now = new Date();
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
      for (const row of rows) {
        row.leaseUntil = leaseUntil;
        if (!(await this.renewEnvelope(row, now))) continue;
        await runStatement(manager, 'UPDATE "outbox_message" SET "envelope" = ?, "sent_digests" = ? WHERE "id" = ?', [
          row.envelope,
          storedValue(manager, OutboxMessageEntity, 'sentDigests', row.sentDigests),
          row.id,
        ]);
      }
      return rows;
    });
  }

  /** Signs a fresh envelope (same jti) unless the stored one has a minute left; true when it did. */
  private async renewEnvelope(message: OutboxMessageEntity, at: Date): Promise<boolean> {
    const now = Math.floor(at.getTime() / 1000);
    if (message.envelope) {
      const exp = (JSON.parse(Buffer.from(message.envelope.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }).exp;
      if (exp - now > 60) return false;
    }
    message.envelope = await signEnvelope({
      iss: this.config.countryCode,
      aud: message.recipient,
      jti: message.jti,
      msgType: message.msgType as MsgType,
      body: message.body,
      signer: this.keys.currentSigner(),
      now,
    });
    message.sentDigests = [...message.sentDigests, sha256(message.envelope)].slice(-Math.ceil(86400 / MAX_ENVELOPE_LIFETIME_SECONDS));
    return true;
  }

  private async send(message: OutboxMessageEntity): Promise<void> {
    const envelope = message.envelope as string;
    let outcome: Outcome;
    try {
      const partner = await this.partners.partner(message.recipient);
      if (!partner) throw new SendError('PARTNER_NOT_TRUSTED', `${message.recipient} is not an active trusted partner`);
      const jwe = encryptEnvelope(envelope, partner.encryptionKey);
      const receipt = await this.deliver(partner.graphqlEndpoint, jwe);
      await verifyReceipt(receipt, partner.trust, this.config.countryCode, message.jti, message.sentDigests).catch((err: Error) => {
        throw new SendError('BAD_RECEIPT', err.message);
      });
      outcome = { message, receipt, envelope };
    } catch (err) {
      outcome = { message, error: err instanceof SendError ? err : new SendError('SEND_FAILED', (err as Error).message) };
    }
    await this.record(outcome);
  }

  private async deliver(endpoint: string, jwe: string): Promise<string> {
    let answer: PartnerAnswer;
    try {
      answer = await postJson(
        endpoint,
        JSON.stringify({ query: 'mutation Deliver($message: String!) { deliver(message: $message) }', variables: { message: jwe } }),
        SEND_TIMEOUT_MS,
      );
    } catch (err) {
      throw new SendError('PARTNER_UNREACHABLE', (err as Error).message);
    }
    let body: { data?: { deliver?: string }; errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(answer.body) as typeof body;
    } catch {
      // not JSON: reported with the HTTP status below
    }
    if (body.data?.deliver) return body.data.deliver;
    const error = body.errors?.[0];
    throw new SendError(error?.extensions?.code ?? `HTTP_${answer.status}`, error?.message ?? `answered ${answer.status}`);
  }

  /** Resolves once the outcome is committed, together with whatever else finished meanwhile. */
  private record(outcome: Outcome): Promise<void> {
    return new Promise((written, failed) => {
      this.outcomes.push({ outcome, written, failed });
      void this.writeOutcomes();
    });
  }

  private async writeOutcomes(): Promise<void> {
    if (this.writing || this.outcomes.length === 0) return;
    this.writing = true;
    const batch = this.outcomes.splice(0);
    const dead: { message: OutboxMessageEntity; error: SendError }[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        const audited: AuditEvent[] = [];
        for (const { outcome } of batch) {
          if ('receipt' in outcome) {
            audited.push(await this.delivered(manager, outcome.message, outcome.receipt, outcome.envelope));
            continue;
          }
          const death = await this.failed(manager, outcome.message, outcome.error);
          if (death) {
            audited.push(death);
            dead.push(outcome);
          }
        }
        await this.audit.appendMany(manager, audited);
      });
      for (const { written } of batch) written();
    } catch (err) {
      for (const { failed } of batch) failed(err);
    } finally {
      this.writing = false;
    }
    for (const { message, error } of dead)
      this.logger.warn(
        `message ${message.jti} to ${message.recipient} parked as dead after ${message.attempts + 1} attempts: ${error.code}`,
      );
    void this.writeOutcomes();
  }

  /** Records the receipt; returns the audit entry, appended with the others of the batch. */
  private async delivered(manager: EntityManager, message: OutboxMessageEntity, receipt: string, envelope: string): Promise<AuditEvent> {
    // Every message ends here: a plain statement (docs/benchmarks.md).
    await runStatement(
      manager,
      'UPDATE "outbox_message" SET "status" = \'delivered\', "receipt" = ?, "delivered_at" = ?, "lease_until" = NULL, "last_error" = NULL, "attempts" = ? WHERE "id" = ?',
      [receipt, storedValue(manager, OutboxMessageEntity, 'deliveredAt', new Date()), message.attempts + 1, message.id],
    );
    return {
      actor: `node:${this.config.countryCode}`,
      action: 'message.sent',
      subject: message.jti,
      details: { to: message.recipient, msgType: message.msgType, sha256: sha256(envelope), receipt: sha256(receipt) },
    };
  }

  /** Schedules the next attempt, or parks the message as dead and returns the audit entry saying so. */
  private async failed(manager: EntityManager, message: OutboxMessageEntity, error: SendError): Promise<AuditEvent | undefined> {
    const attempts = message.attempts + 1;
    const dead = PERMANENT.has(error.code) || attempts >= this.config.outboxMaxAttempts;
    await manager.getRepository(OutboxMessageEntity).update(
      { id: message.id },
      {
        attempts,
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: new Date(Date.now() + backoffDelay(attempts, Math.random, this.config.outboxBaseDelayMs)),
        leaseUntil: null,
        lastError: `${error.code}: ${error.message}`.slice(0, 2000),
      },
    );
    return dead
      ? {
          actor: `node:${this.config.countryCode}`,
          action: 'message.dead',
          subject: message.jti,
          details: { to: message.recipient, code: error.code },
        }
      : undefined;
  }
}
