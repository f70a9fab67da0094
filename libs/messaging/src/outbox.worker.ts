import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { NodeConfig } from '@ots/config';
import { KeyStore } from '@ots/keys';
import { backoffDelay } from './backoff.js';
import { encryptEnvelope, sha256, signEnvelope, verifyReceipt } from './envelope.js';
import { OutboxMessageEntity } from './message.entities.js';
import { MAX_ENVELOPE_LIFETIME_SECONDS, type MsgType } from './message-types.js';
import { MessagingService } from './messaging.service.js';
import { PartnerDirectory } from './partner-directory.service.js';

const BATCH = 64;
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

/**
 * Sends the outbox: claims due messages under a lease (on PostgreSQL with
 * FOR UPDATE SKIP LOCKED, so replicas sharing the database never take the
 * same row), encrypts and delivers them, and keeps each until a valid
 * receipt comes back, retrying with exponential backoff and jitter. A
 * crash leaves the lease to expire and the message is sent again; the
 * recipient's (iss, jti) check makes that harmless.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

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
      this.running = this.pass()
        .catch((err: Error) => this.logger.error(`outbox pass failed: ${err.message}`))
        .then((busy) => {
          this.running = undefined;
          if (!this.stopped) this.schedule(busy || this.again ? 0 : IDLE_POLL_MS);
          this.again = false;
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One pass: claim a batch, send it; true when there may be more to do. */
  private async pass(): Promise<boolean> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((message) => this.send(message)));
    return claimed.length === BATCH;
  }

  private async claim(): Promise<OutboxMessageEntity[]> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const due = manager
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('m')
        .where('m.status = :status', { status: 'pending' })
        .andWhere('m.nextAttemptAt <= :now', { now })
        .andWhere('(m.leaseUntil IS NULL OR m.leaseUntil < :now)', { now })
        .orderBy('m.nextAttemptAt', 'ASC')
        .limit(BATCH);
      if (this.dataSource.options.type === 'postgres') due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await due.getMany();
      if (rows.length === 0) return [];
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      await manager.getRepository(OutboxMessageEntity).update({ id: In(rows.map((r) => r.id)) }, { leaseUntil });
      return rows.map((row) => Object.assign(row, { leaseUntil }));
    });
  }

  private async send(message: OutboxMessageEntity): Promise<void> {
    try {
      const partner = await this.partners.partner(message.recipient);
      if (!partner) throw new SendError('PARTNER_NOT_TRUSTED', `${message.recipient} is not an active trusted partner`);
      const envelope = await this.envelopeFor(message);
      const jwe = await encryptEnvelope(envelope, partner.encryptionKey);
      const receipt = await this.deliver(partner.graphqlEndpoint, jwe);
      await verifyReceipt(receipt, partner.trust, this.config.countryCode, message.jti, message.sentDigests).catch((err: Error) => {
        throw new SendError('BAD_RECEIPT', err.message);
      });
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(OutboxMessageEntity).update(
          { id: message.id },
          { status: 'delivered', receipt, deliveredAt: new Date(), leaseUntil: null, lastError: null, attempts: message.attempts + 1, envelope, sentDigests: message.sentDigests },
        );
        await this.audit.append(manager, {
          actor: `node:${this.config.countryCode}`,
          action: 'message.sent',
          subject: message.jti,
          details: { to: message.recipient, msgType: message.msgType, sha256: sha256(envelope), receipt: sha256(receipt) },
        });
      });
    } catch (err) {
      await this.failed(message, err instanceof SendError ? err : new SendError('SEND_FAILED', (err as Error).message));
    }
  }

  /** The stored envelope while it has a minute left; otherwise a fresh one with the same jti. */
  private async envelopeFor(message: OutboxMessageEntity): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    if (message.envelope) {
      const exp = (JSON.parse(Buffer.from(message.envelope.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }).exp;
      if (exp - now > 60) return message.envelope;
    }
    const envelope = await signEnvelope({
      iss: this.config.countryCode,
      aud: message.recipient,
      jti: message.jti,
      msgType: message.msgType as MsgType,
      body: message.body,
      signer: this.keys.currentSigner(),
      now,
    });
    message.envelope = envelope;
    message.sentDigests = [...message.sentDigests, sha256(envelope)].slice(-Math.ceil(86400 / MAX_ENVELOPE_LIFETIME_SECONDS));
    await this.dataSource.getRepository(OutboxMessageEntity).update({ id: message.id }, { envelope, sentDigests: message.sentDigests });
    return envelope;
  }

  private async deliver(endpoint: string, jwe: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation Deliver($message: String!) { deliver(message: $message) }', variables: { message: jwe } }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (err) {
      throw new SendError('PARTNER_UNREACHABLE', (err as Error).message);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: { deliver?: string }; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.data?.deliver) return body.data.deliver;
    const error = body.errors?.[0];
    throw new SendError(error?.extensions?.code ?? `HTTP_${response.status}`, error?.message ?? `answered ${response.status}`);
  }

  private async failed(message: OutboxMessageEntity, error: SendError): Promise<void> {
    const attempts = message.attempts + 1;
    const dead = PERMANENT.has(error.code) || attempts >= this.config.outboxMaxAttempts;
    await this.dataSource.getRepository(OutboxMessageEntity).update(
      { id: message.id },
      {
        attempts,
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: new Date(Date.now() + backoffDelay(attempts, Math.random, this.config.outboxBaseDelayMs)),
        leaseUntil: null,
        lastError: `${error.code}: ${error.message}`.slice(0, 2000),
      },
    );
    if (dead) {
      this.logger.warn(`message ${message.jti} to ${message.recipient} parked as dead after ${attempts} attempts: ${error.code}`);
      await this.audit.record({ actor: `node:${this.config.countryCode}`, action: 'message.dead', subject: message.jti, details: { to: message.recipient, code: error.code } });
    }
  }
}

