import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { CaseEventPublisher } from '@ots/case-events';
import { parseInput } from '@ots/config';
import type { Principal } from '@ots/identity';
import { MessagingService } from '@ots/messaging';
import { DataUsageLedger, Purpose } from '@ots/registers';
import { ApplicationEntity, EvidenceRequestEntity } from './application.entities.js';
import { EvidenceRequestNotFoundError } from './applications.errors.js';
import { advanceCase, openEvidenceRequest } from './case-records.js';
import { evidenceAnsweredEvent, evidenceRequestedEvent } from './case-events.js';
import { CaseStore, type CaseWrite } from './case-store.js';
import { CitizenEvidence } from './citizen-evidence.js';
import { categoriesOf, issuesForCases, type EvidenceFacts } from './citizen-records.js';
import { deferOnRegisterFailure } from './register-failures.js';
import { answerEvidenceCommand, type ReceivedEvidenceRequest } from './residence-permit.commands.js';

/**
 * The destination's requests for more evidence, at the home node: one
 * within the citizen's recorded consent is answered at once (the once-only
 * way); any other waits for the citizen, who sees exactly what would be
 * sent and approves or refuses.
 */
@Injectable()
export class HomeEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly evidence: CitizenEvidence,
    private readonly messaging: MessagingService,
    private readonly audit: AuditLogService,
    private readonly events: CaseEventPublisher,
    private readonly ledger: DataUsageLedger,
  ) {}

  pendingEvidenceRequests(principal: Principal): Promise<EvidenceRequestEntity[]> {
    return this.dataSource
      .getRepository(EvidenceRequestEntity)
      .find({ where: { role: 'home', applicant: principal.subject, status: 'pending' }, order: { requestedAt: 'ASC' } });
  }

  /** Exactly what would be sent for a pending request: the claims of the document, read from the registers for the citizen. */
  async previewEvidence(request: EvidenceRequestEntity, principal: Principal): Promise<Record<string, unknown> | null> {
    if (!issuesForCases(request.docType)) return null;
    const purpose = Purpose.forConsent(principal, 'evidence-preview', null, request.applicationId);
    const facts = await this.evidence.facts(request.applicant, [request.docType], purpose);
    await this.ledger.recordAlone(purpose);
    return this.evidence.claims(request.docType, facts) ?? null;
  }

  async answerEvidenceRequest(input: unknown, principal: Principal, traceparent?: string): Promise<EvidenceRequestEntity> {
    const { requestId, approve } = parseInput(answerEvidenceCommand, input);
    const notFound = () => new EvidenceRequestNotFoundError(`no pending evidence request ${requestId}`, { id: requestId.slice(0, 36) });
    const purpose = Purpose.forConsent(principal, 'evidence-answer', null, requestId);
    // Read before the transaction (a register call must not hold the database); a person the registers do not know goes no further.
    const person = await this.evidence.personOf(principal.subject, purpose);
    const pending = await this.dataSource
      .getRepository(EvidenceRequestEntity)
      .findOne({ where: { id: requestId, role: 'home', applicant: principal.subject, status: 'pending' } });
    if (!pending) {
      await this.ledger.recordAlone(purpose);
      throw notFound();
    }
    const facts = approve ? await this.evidence.facts(principal.subject, [pending.docType], purpose, person) : undefined;
    return this.messaging.transaction(async (manager) => {
      const request = await manager
        .getRepository(EvidenceRequestEntity)
        .findOne({ where: { id: requestId, role: 'home', applicant: principal.subject } });
      if (!request || request.status !== 'pending') throw notFound();
      const application = await manager.getRepository(ApplicationEntity).findOneOrFail({ where: { id: request.applicationId } });
      await this.respond(manager, application, request, facts, purpose, false);
      request.status = approve ? 'approved' : 'refused';
      request.answeredAt = new Date();
      await manager.getRepository(EvidenceRequestEntity).save(request);
      await this.audit.append(manager, {
        actor: principal.subject,
        action: approve ? 'evidence.approve' : 'evidence.refuse',
        subject: request.id,
        details: { docType: request.docType },
      });
      return request;
    }, traceparent);
  }

  /**
   * The destination asks for a document: recorded, and answered at once when the consent covers it. The registers
   * are read first, for the case; when they cannot answer, the message is deferred (MESSAGE_DEFERRED) and the
   * destination sends it again later, so the request is neither lost nor answered without the evidence.
   */
  async receiveRequest(command: ReceivedEvidenceRequest): Promise<CaseWrite> {
    const known = await this.cases.partnerCase(this.dataSource.manager, command.applicationId, command.destination, 'home');
    const automatic = known.consent.includes(command.docType) && issuesForCases(command.docType);
    const purpose = Purpose.forCase(known);
    const facts = automatic
      ? await deferOnRegisterFailure(() => this.evidence.facts(known.applicant, [command.docType], purpose))
      : undefined;
    return async (manager: EntityManager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.destination, 'home');
      const request = openEvidenceRequest(
        { id: command.requestId, applicationId: application.id, role: 'home', applicant: application.applicant, docType: command.docType },
        new Date(),
      );
      advanceCase(application, 'evidence-requested', command.docType);
      await this.events.publish(manager, evidenceRequestedEvent(application, request));
      // Within the recorded consent: answered at once, which takes the case back to review.
      if (facts && this.evidence.claims(command.docType, facts)) {
        await this.respond(manager, application, request, facts, purpose, true);
        request.status = 'auto-answered';
        request.answeredAt = new Date();
      } else {
        await this.ledger.record(manager, purpose);
      }
      await this.cases.store(manager, application);
      await manager.getRepository(EvidenceRequestEntity).insert(request);
    };
  }

  /** Sends the document (or the refusal) and returns the case to review. */
  private async respond(
    manager: EntityManager,
    application: ApplicationEntity,
    request: EvidenceRequestEntity,
    facts: EvidenceFacts | undefined,
    purpose: Purpose,
    automatic: boolean,
  ): Promise<void> {
    const provide = facts !== undefined;
    const [document] = facts ? await this.evidence.issue(manager, [request.docType], facts, application.id) : [];
    await this.ledger.record(
      manager,
      purpose,
      facts
        ? [
            {
              subject: application.applicant,
              partner: application.destination,
              docTypes: [request.docType],
              categories: categoriesOf([request.docType]),
            },
          ]
        : [],
    );
    if (document) application.documents = [...application.documents, document];
    await this.messaging.enqueue(manager, application.destination, 'evidence.response', {
      applicationId: application.id,
      requestId: request.id,
      docType: request.docType,
      outcome: provide ? 'provided' : 'refused',
      ...(document ? { document: document.jws } : {}),
    });
    if (application.status === 'evidence-requested')
      advanceCase(application, 'under-review', provide ? `${request.docType} sent` : `${request.docType} refused by the applicant`);
    await this.cases.store(manager, application);
    await this.events.publish(manager, evidenceAnsweredEvent(application, request, provide, automatic));
  }
}
