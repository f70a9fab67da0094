import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService, type AuditEvent } from '@ots/audit';
import { NodeConfig } from '@ots/config';
import { BadInputError, OtsError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { KeyStore } from '@ots/keys';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs, type PageLimits } from '@ots/graphql-api';
import { insertEntities, keysetFind, keysetKey, type KeysetColumn } from '@ots/persistence';
import { MetricsRecorder } from '@ots/monitoring';
import { traceparentOf, type RequestContext } from '@ots/request-context';
import { TrustViewService } from '@ots/trust';
import { claimedIssuer, decryptMessage, MessageRefusedError, sha256, signReceipt, verifyEnvelope } from './envelope.js';
import { InboxMessageEntity, OutboxMessageEntity, OUTBOX_STATUSES, type OutboxStatus } from './message.entities.js';
import { handlerCoverage, type EnvelopePayload, type MsgType } from './message-types.js';
import {
  MessageHandlerConflictError,
  MessageHandlersIncompleteError,
  MessageDeferredError,
  MessageNotAcceptedError,
  messageRejected,
  MessageUnhandledError,
  OutboxMessageNotFoundError,
} from './messaging.errors.js';

/**
 * What a domain does with one message type, in two steps: checks that may
 * take time or the network (verifying attached documents) run first, outside
 * any transaction; the returned write runs inside the transaction that
 * records the message as received, so both commit or neither does. The
 * write may return a callback to run once that transaction committed (to
 * wake someone waiting for the message).
 */
export type MessageHandler = (message: EnvelopePayload) => Promise<(manager: EntityManager) => Promise<AfterCommit | void>>;
export type AfterCommit = () => void;

/** Why an outgoing message did not arrive: the refusal's code (or this node's), the partner's own code and words. */
export interface MessageFailure {
  code: string;
  /** The partner domain's code under a `MESSAGE_NOT_ACCEPTED` (e.g. `SERVICE_NOT_OPEN`). */
  reason: string | null;
  /** The partner's words in the federation's working language, or this node's for a failure of its own. */
  detail: string;
}

/**
 * What a domain does when one of its outgoing messages is parked as dead, and when such a message (after a retry) is
 * delivered after all. Both run in the transaction that records the outcome; they must not throw for a message they
 * have nothing to do with. An audit entry they return is appended with the outcome's.
 */
export interface DeliveryWatcher {
  undelivered(manager: EntityManager, message: OutboxMessageEntity, failure: MessageFailure): Promise<AuditEvent | undefined>;
  delivered(manager: EntityManager, message: OutboxMessageEntity): Promise<AuditEvent | undefined>;
}

type Listener = () => void;

/**
 * Node-to-node messaging (docs/protocol/README.md section 6). Outgoing: `enqueue` writes
 * the message in the caller's transaction, the outbox worker sends it.
 * Incoming: `receive` decrypts, verifies, de-duplicates by (iss, jti), runs
 * the domain handler and signs the receipt, all in one transaction, so a
 * message is processed exactly once and a repeat gets the first receipt.
 */
/** The outbox as a connection: newest first, by creation time then id. */
export const OUTBOX_PAGES: PageLimits = RECORD_PAGES;
const OUTBOX_KEY: KeysetColumn<OutboxMessageEntity>[] = [{ property: 'createdAt', date: true }, { property: 'id' }];

@Injectable()
export class MessagingService {
  private readonly logger = new Logger(MessagingService.name);
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly watchers = new Map<string, DeliveryWatcher>();
  private readonly enqueueListeners: Listener[] = [];
  /** The traceparent of the work each open transaction does, for the messages it enqueues (their sends continue it). */
  private readonly traceOfTransaction = new WeakMap<EntityManager, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly trustView: TrustViewService,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
    private readonly recorder: MetricsRecorder,
  ) {}

  /** One handler per `msg_type`; a second one is a wiring mistake and stops start-up. */
  registerHandler(msgType: MsgType, handler: MessageHandler): void {
    if (this.handlers.has(msgType)) throw new MessageHandlerConflictError(`a handler for ${msgType} is registered already`, { msgType });
    this.handlers.set(msgType, handler);
  }

  /**
   * Called once every handler has registered (the module that wires them, at application bootstrap): a type of
   * MSG_TYPES without a handler, or a handler for a type not in it, stops start-up.
   */
  assertEveryTypeHandled(): void {
    const { missing, unlisted } = handlerCoverage(this.handlers.keys());
    if (missing.length > 0 || unlisted.length > 0) {
      throw new MessageHandlersIncompleteError(
        `message types without a handler: [${missing.join(', ')}]; handled but not listed: [${unlisted.join(', ')}]`,
        {
          missing: missing.join(', ') || '-',
          unlisted: unlisted.join(', ') || '-',
        },
      );
    }
  }

  /** One watcher per `msg_type` sent, told when such a message dies and when a retried one arrives after all. */
  watchDeliveries(msgType: MsgType, watcher: DeliveryWatcher): void {
    if (this.watchers.has(msgType)) throw new MessageHandlerConflictError(`a watcher for ${msgType} is registered already`, { msgType });
    this.watchers.set(msgType, watcher);
  }

  deliveryWatcher(msgType: string): DeliveryWatcher | undefined {
    return this.watchers.get(msgType);
  }

  /** Lets the outbox worker start sending at once instead of at its next poll. */
  onEnqueue(listener: Listener): void {
    this.enqueueListeners.push(listener);
  }

  /**
   * Runs `work` in one transaction and, once it has committed, wakes the outbox worker, so that what `work`
   * enqueued leaves at once instead of at the worker's next poll. Every transaction that enqueues goes through here.
   * `traceparent`: the trace of the work (a request's), which the sends of the messages it enqueues continue.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, traceparent?: string): Promise<T> {
    const result = await this.dataSource.transaction((manager) => {
      if (traceparent) this.traceOfTransaction.set(manager, traceparent);
      return work(manager);
    });
    this.wakeOutbox();
    return result;
  }

  /** Writes a message to the outbox inside the caller's transaction (one begun by `transaction`). */
  async enqueue(manager: EntityManager, to: string, msgType: MsgType, body: Record<string, unknown>): Promise<OutboxMessageEntity> {
    const [message] = await this.enqueueMany(manager, to, msgType, [body]);
    return message;
  }

  /** Writes several messages to one partner inside the caller's transaction. */
  async enqueueMany(
    manager: EntityManager,
    to: string,
    msgType: MsgType,
    bodies: Record<string, unknown>[],
  ): Promise<OutboxMessageEntity[]> {
    const now = new Date();
    const repository = manager.getRepository(OutboxMessageEntity);
    const messages = bodies.map((body) =>
      repository.create({
        id: randomUUID(),
        recipient: to,
        msgType,
        jti: randomUUID(),
        body,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        envelope: null,
        sentDigests: [],
        receipt: null,
        createdAt: now,
        deliveredAt: null,
        traceParent: this.traceOfTransaction.get(manager) ?? null,
      }),
    );
    // Plain multi-row INSERTs: most handlers answer with a message, so this runs once per message received.
    await insertEntities(manager, OutboxMessageEntity, messages);
    return messages;
  }

  private wakeOutbox(): void {
    for (const listener of this.enqueueListeners) listener();
  }

  /** Handles `deliver(message)`: returns the receipt, the stored one for a repeat. */
  async receive(message: unknown, context?: RequestContext): Promise<string> {
    let envelope: string;
    let payload: EnvelopePayload;
    try {
      envelope = decryptMessage(message, this.keys.encryptionPrivateJwks());
      const issuer = (await this.trustView.current()).issuer(claimedIssuer(envelope) ?? '');
      payload = await verifyEnvelope(envelope, issuer?.country === this.config.countryCode ? undefined : issuer, this.config.countryCode);
    } catch (err) {
      if (!(err instanceof MessageRefusedError)) throw err;
      await this.audit.record({
        actor: 'partner:unknown',
        action: 'message.refused',
        subject: err.refusal,
        details: { reason: err.message },
      });
      throw messageRejected(err.refusal, err.message);
    }

    this.recorder.messageVerified(payload, context);
    // A repeat is found by its (iss, jti) colliding with the first delivery's row, so new messages pay no lookup.
    const handler = this.handlers.get(payload.msg_type);
    if (!handler) return this.refuseUnhandled(payload);
    try {
      const apply = await handler(payload);
      // A handler may answer with messages of its own: `transaction` sends them once they are committed.
      const { receipt, afterCommit } = await this.transaction(async (manager) => {
        const envelopeDigest = sha256(envelope);
        const receipt = await signReceipt({
          iss: this.config.countryCode,
          envelope: payload,
          envelopeSha256: envelopeDigest,
          signer: this.keys.currentSigner(),
        });
        await insertEntities(manager, InboxMessageEntity, [
          {
            iss: payload.iss,
            jti: payload.jti,
            msgType: payload.msg_type,
            envelopeSha256: envelopeDigest,
            receipt,
            receivedAt: new Date(),
          },
        ]);
        const afterCommit = await apply(manager);
        await this.audit.append(manager, {
          actor: `partner:${payload.iss}`,
          action: 'message.received',
          subject: payload.jti,
          details: { msgType: payload.msg_type, sha256: envelopeDigest, receipt: sha256(receipt) },
        });
        return { receipt, afterCommit };
      }, traceparentOf(context));
      afterCommit?.();
      this.recorder.messageReceived(payload, context);
      return receipt;
    } catch (err) {
      // A repeat (a retry, or a replica that took the first delivery) gets the first receipt, whatever its handler
      // would now say: the message was processed once.
      const stored = await this.storedReceipt(this.dataSource.manager, payload);
      if (stored) {
        this.recorder.duplicateReceived(payload);
        return stored;
      }
      if (err instanceof OtsError) {
        await this.audit.record({
          actor: `partner:${payload.iss}`,
          action: 'message.not-accepted',
          subject: payload.jti,
          details: { msgType: payload.msg_type, code: err.code },
        });
        if (err instanceof MessageNotAcceptedError || err instanceof MessageDeferredError) throw err;
        // The domain's code travels as `reason` beside the refusal's, so the sender can tell its readers why in their language.
        throw new MessageNotAcceptedError(err.message, { ...err.params, reason: err.code }, { extensions: { reason: err.code } });
      }
      this.logger.error(`handling ${payload.msg_type} ${payload.jti} from ${payload.iss} failed: ${(err as Error).stack ?? String(err)}`);
      throw err;
    }
  }

  /** A verified message no handler takes: refused and audited, unless it is the repeat of one received before. */
  private async refuseUnhandled(payload: EnvelopePayload): Promise<string> {
    const stored = await this.storedReceipt(this.dataSource.manager, payload);
    if (stored) return stored;
    const reason = `this node does not handle ${payload.msg_type}`;
    await this.audit.record({
      actor: `partner:${payload.iss}`,
      action: 'message.refused',
      subject: 'UNHANDLED',
      details: { reason, jti: payload.jti, msgType: payload.msg_type },
    });
    throw new MessageUnhandledError(reason, { msgType: payload.msg_type });
  }

  /** Outgoing messages by status, newest first. */
  /** Outgoing messages, newest first, one page (docs/api.md, "Paging"). */
  async outbox(status: string | null, args: ConnectionArgs): Promise<Connection<OutboxMessageEntity>> {
    if (status != null && !OUTBOX_STATUSES.includes(status as OutboxStatus)) {
      throw new BadInputError('bad status', { detail: `status: must be one of ${OUTBOX_STATUSES.join(', ')}` });
    }
    const request = pageRequest('outbox', args, OUTBOX_PAGES, OUTBOX_KEY.length);
    const rows = await keysetFind(
      this.dataSource.getRepository(OutboxMessageEntity),
      status ? { status: status as OutboxStatus } : {},
      OUTBOX_KEY,
      request,
    );
    return connectionFrom('outbox', request, rows, (row) => keysetKey(row, OUTBOX_KEY));
  }

  /** Puts an undelivered message back in line for an immediate send, with its attempts counted afresh. */
  async retry(id: string, principal: Principal): Promise<OutboxMessageEntity> {
    return this.transaction(async (manager) => {
      const repository = manager.getRepository(OutboxMessageEntity);
      const message = await repository.findOne({ where: { id } });
      if (!message || message.status === 'delivered')
        throw new OutboxMessageNotFoundError(`no undelivered message ${id}`, { id: id.slice(0, 36) });
      Object.assign(message, { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null });
      await repository.save(message);
      await this.audit.append(manager, { actor: principal.subject, action: 'message.retry', subject: message.jti });
      return message;
    });
  }

  private async storedReceipt(manager: EntityManager, payload: EnvelopePayload): Promise<string | undefined> {
    const stored = await manager.getRepository(InboxMessageEntity).findOne({ where: { iss: payload.iss, jti: payload.jti } });
    return stored?.receipt;
  }
}
