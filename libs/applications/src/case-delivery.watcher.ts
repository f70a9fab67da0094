import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEvent } from '@ots/audit';
import { MessagingService, type MessageFailure, type OutboxMessageEntity } from '@ots/messaging';
import { ApplicationEntity } from './application.entities.js';
import { advanceCase, resumeCase } from './case-records.js';
import { canTransition } from './case-state.js';
import { CaseStore } from './case-store.js';

/** The home node's messages that carry a citizen's case forward; when one of them dies the case cannot move. */
const CASE_MESSAGES = ['application.submit', 'evidence.response'] as const;

/**
 * Keeps a citizen's case honest about its messages: when the destination refuses one (or it dies in the outbox), the
 * case becomes `undelivered` with the refusal's codes, so citizen, officer and admin see it; when an admin's retry is
 * delivered, the case goes back to where it was. Both happen in the transaction that records the outcome.
 */
@Injectable()
export class CaseDeliveryWatcher implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly cases: CaseStore,
  ) {}

  onModuleInit(): void {
    for (const msgType of CASE_MESSAGES)
      this.messaging.watchDeliveries(msgType, {
        undelivered: (manager, message, failure) => this.undelivered(manager, message, failure),
        delivered: (manager, message) => this.delivered(manager, message),
      });
  }

  async undelivered(manager: EntityManager, message: OutboxMessageEntity, failure: MessageFailure): Promise<AuditEvent | undefined> {
    const application = await this.homeCase(manager, message);
    // A withdrawn case stays withdrawn: nothing waits on the message any more.
    if (!application || !canTransition(application.status, 'undelivered')) return undefined;
    advanceCase(application, 'undelivered', failure.reason ?? failure.code);
    application.failure = { messageId: message.id, msgType: message.msgType, ...failure, at: new Date().toISOString() };
    await this.cases.store(manager, application);
    return {
      actor: `node:${application.homeCountry}`,
      action: 'application.undelivered',
      subject: application.id,
      details: { message: message.jti, code: failure.code, ...(failure.reason ? { reason: failure.reason } : {}) },
    };
  }

  async delivered(manager: EntityManager, message: OutboxMessageEntity): Promise<AuditEvent | undefined> {
    const application = await this.homeCase(manager, message);
    if (application?.failure?.messageId !== message.id || !resumeCase(application, 'delivered')) return undefined;
    await this.cases.store(manager, application);
    return {
      actor: `node:${application.homeCountry}`,
      action: 'application.delivered',
      subject: application.id,
      details: { message: message.jti, status: application.status },
    };
  }

  private homeCase(manager: EntityManager, message: OutboxMessageEntity): Promise<ApplicationEntity | null> {
    const id = message.body.applicationId;
    if (typeof id !== 'string') return Promise.resolve(null);
    return manager.getRepository(ApplicationEntity).findOne({ where: { id, role: 'home', destination: message.recipient } });
  }
}
