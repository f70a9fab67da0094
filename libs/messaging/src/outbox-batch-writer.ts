import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService, type AuditEvent } from '@ots/audit';
import { NodeConfig } from '@ots/config';
import type { OtsError } from '@ots/errors';
import { MetricsRecorder } from '@ots/monitoring';
import { runStatement, sqlNames, storedValue } from '@ots/persistence';
import { backoffDelay } from './backoff.js';
import { sha256 } from './envelope.js';
import { OutboxMessageEntity } from './message.entities.js';
import { PartnerRefusedMessageError } from './messaging.errors.js';
import { MessagingService, type MessageFailure } from './messaging.service.js';
import type { SendOutcome } from './outbox-sender.js';

interface Pending {
  outcome: SendOutcome;
  written: () => void;
  failed: (err: unknown) => void;
}

/**
 * Writes what sends came to. The outcomes that finish while one batch is being written are written together,
 * in one transaction with one group of audit entries: one commit for many receipts. A batch that fails to
 * commit changes nothing; its messages keep their lease and are claimed and sent again once it passes.
 */
@Injectable()
export class OutboxBatchWriter {
  private readonly logger = new Logger(OutboxBatchWriter.name);
  private readonly queue: Pending[] = [];
  private writing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
    private readonly messaging: MessagingService,
    private readonly recorder: MetricsRecorder,
  ) {}

  /** Resolves once the outcome is committed, together with whatever else finished meanwhile. */
  record(outcome: SendOutcome): Promise<void> {
    return new Promise((written, failed) => {
      this.queue.push({ outcome, written, failed });
      void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const batch = this.queue.splice(0);
    try {
      const dead = await this.dataSource.transaction(async (manager) => {
        const audited: AuditEvent[] = [];
        const parked: { message: OutboxMessageEntity; error: OtsError }[] = [];
        for (const { outcome } of batch) {
          const watcher = this.messaging.deliveryWatcher(outcome.message.msgType);
          if ('receipt' in outcome) {
            audited.push(await this.delivered(manager, outcome.message, outcome.receipt, outcome.envelope));
            // Only a message that failed before can have left its watcher's record waiting: the others cost nothing.
            const resumed = outcome.message.lastError !== null ? await watcher?.delivered(manager, outcome.message) : undefined;
            if (resumed) audited.push(resumed);
            continue;
          }
          const death = await this.failed(manager, outcome.message, outcome.error);
          if (death) {
            audited.push(death);
            parked.push(outcome);
            const noticed = await watcher?.undelivered(manager, outcome.message, failureOf(outcome.error));
            if (noticed) audited.push(noticed);
          }
        }
        await this.audit.appendMany(manager, audited);
        return parked;
      });
      for (const { written } of batch) written();
      for (const { message, error } of dead) {
        this.recorder.messageDead(message, failureOf(error).code);
        this.logger.warn(
          `message ${message.jti} to ${message.recipient} parked as dead after ${message.attempts + 1} attempts: ${failureOf(error).code}`,
        );
      }
    } catch (err) {
      for (const { failed } of batch) failed(err);
    } finally {
      this.writing = false;
    }
    void this.writeQueued();
  }

  /** Records the receipt; returns the audit entry, appended with the others of the batch. */
  private async delivered(manager: EntityManager, message: OutboxMessageEntity, receipt: string, envelope: string): Promise<AuditEvent> {
    // Every message ends here: a plain statement (docs/benchmarks.md).
    const { table, column: c } = sqlNames(manager, OutboxMessageEntity);
    await runStatement(
      manager,
      `UPDATE ${table} SET ${c('status')} = 'delivered', ${c('receipt')} = ?, ${c('deliveredAt')} = ?, ${c('leaseUntil')} = NULL, ` +
        `${c('lastError')} = NULL, ${c('attempts')} = ? WHERE ${c('id')} = ?`,
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
  private async failed(manager: EntityManager, message: OutboxMessageEntity, error: OtsError): Promise<AuditEvent | undefined> {
    const attempts = message.attempts + 1;
    const code = failureOf(error).code;
    const dead = (error instanceof PartnerRefusedMessageError && error.permanent) || attempts >= this.config.outboxMaxAttempts;
    await manager.getRepository(OutboxMessageEntity).update(
      { id: message.id },
      {
        attempts,
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: new Date(Date.now() + backoffDelay(attempts, Math.random, this.config.outboxBaseDelayMs)),
        leaseUntil: null,
        lastError: `${code}: ${error.message}`.slice(0, 2000),
      },
    );
    return dead
      ? {
          actor: `node:${this.config.countryCode}`,
          action: 'message.dead',
          subject: message.jti,
          details: { to: message.recipient, code },
        }
      : undefined;
  }
}

/** A partner's refusal is recorded under the partner's own code, the one an admin or a citizen's case shows. */
function failureOf(error: OtsError): MessageFailure {
  if (error instanceof PartnerRefusedMessageError)
    return { code: error.refusal, reason: error.reason ?? null, detail: error.message.slice(0, 1000) };
  return { code: error.code, reason: null, detail: error.message.slice(0, 1000) };
}
