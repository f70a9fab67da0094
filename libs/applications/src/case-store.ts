import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { MessagingService } from '@ots/messaging';
import { insertEntities } from '@ots/persistence';
import { ApplicationEntity } from './application.entities.js';
import { ApplicationNotFoundError } from './applications.errors.js';
import { advanceCase, resumeCase, type CaseRole } from './case-records.js';
import type { CaseStatus } from './case-state.js';

/** The part of a received message written in the transaction that records it as received. */
export type CaseWrite = (manager: EntityManager) => Promise<void>;

/** What moves with a status change in the same transaction: the message to the other end, a document, the decision. */
export type CaseEffect = (manager: EntityManager, application: ApplicationEntity) => Promise<void>;

/**
 * Reads and writes cases: the one place a case is loaded for a change,
 * moved through its states and written back, so both ends of the flow
 * change a case the same way.
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly messaging: MessagingService,
    private readonly audit: AuditLogService,
  ) {}

  insert(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    return insertEntities(manager, ApplicationEntity, [application]);
  }

  /** The case `partner` is the other end of, or APPLICATION_NOT_FOUND: a partner reaches only its own cases. */
  async partnerCase(manager: EntityManager, id: string, partner: string, role: CaseRole): Promise<ApplicationEntity> {
    const application = await manager.getRepository(ApplicationEntity).findOne({ where: { id, role } });
    const counterpart = application ? (role === 'home' ? application.destination : application.homeCountry) : undefined;
    if (!application || counterpart !== partner)
      throw new ApplicationNotFoundError(`no application ${id} with ${partner}`, { id: id.slice(0, 36) });
    // A partner writing about the case has the message this node thought lost (its receipt may still be on its way).
    resumeCase(application, `${partner} answered`);
    return application;
  }

  /** Writes a loaded case back in one UPDATE of what a case can change (`save` would read the row again first). */
  async store(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    const { status, timeline, documents, decisionReason, decidedBy, failure, updatedAt } = application;
    await manager
      .getRepository(ApplicationEntity)
      .update({ id: application.id }, { status, timeline, documents, decisionReason, decidedBy, failure, updatedAt });
  }

  /**
   * A change a person makes to one of this node's cases: loads it (only
   * where `where` matches), moves it to `to`, runs `effect`, writes it and
   * audits it, all in one transaction; a refusal anywhere writes nothing.
   */
  change(
    id: string,
    where: { role: CaseRole; applicant?: string },
    to: CaseStatus,
    actor: string,
    note: string,
    effect: CaseEffect,
    /** The traceparent of the request that made the change, continued by the sends of what `effect` enqueues. */
    traceparent?: string,
  ): Promise<ApplicationEntity> {
    return this.messaging.transaction(async (manager) => {
      const application = await manager.getRepository(ApplicationEntity).findOne({ where: { id, ...where } });
      if (!application) throw new ApplicationNotFoundError(`no application ${id}`, { id: id.slice(0, 36) });
      advanceCase(application, to, note);
      await effect(manager, application);
      await this.store(manager, application);
      await this.audit.append(manager, { actor, action: `application.${to}`, subject: id, details: { note } });
      return application;
    }, traceparent);
  }
}
