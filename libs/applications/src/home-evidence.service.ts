import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { CaseEventPublisher } from '@ots/case-events';
import { parseInput } from '@ots/config';
import type { Principal } from '@ots/identity';
import { MessagingService } from '@ots/messaging';
import { ApplicationEntity, EvidenceRequestEntity } from './application.entities.js';
import { EvidenceRequestNotFoundError } from './applications.errors.js';
import { advanceCase, openEvidenceRequest } from './case-records.js';
import { evidenceAnsweredEvent, evidenceRequestedEvent } from './case-events.js';
import { CaseStore, type CaseWrite } from './case-store.js';
import { CitizenEvidence } from './citizen-evidence.js';
import type { PersonRecord } from './citizen-records.js';
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
  ) {}

  pendingEvidenceRequests(principal: Principal): Promise<EvidenceRequestEntity[]> {
    return this.dataSource
      .getRepository(EvidenceRequestEntity)
      .find({ where: { role: 'home', applicant: principal.subject, status: 'pending' }, order: { requestedAt: 'ASC' } });
  }

  /** Exactly what would be sent for a pending request: the claims of the document, from the records. */
  previewEvidence(request: EvidenceRequestEntity): Record<string, unknown> | null {
    const person = this.evidence.person(request.applicant);
    return person ? (this.evidence.claims(request.docType, person) ?? null) : null;
  }

  async answerEvidenceRequest(input: unknown, principal: Principal): Promise<EvidenceRequestEntity> {
    const { requestId, approve } = parseInput(answerEvidenceCommand, input);
    const person = this.evidence.personOf(principal);
    return this.messaging.transaction(async (manager) => {
      const request = await manager
        .getRepository(EvidenceRequestEntity)
        .findOne({ where: { id: requestId, role: 'home', applicant: person.subject } });
      if (!request || request.status !== 'pending')
        throw new EvidenceRequestNotFoundError(`no pending evidence request ${requestId}`, { id: requestId.slice(0, 36) });
      const application = await manager.getRepository(ApplicationEntity).findOneOrFail({ where: { id: request.applicationId } });
      await this.respond(manager, application, request, person, approve, false);
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
    });
  }

  /** The destination asks for a document: recorded, and answered at once when the consent covers it. */
  receiveRequest(command: ReceivedEvidenceRequest): Promise<CaseWrite> {
    return Promise.resolve(async (manager: EntityManager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.destination, 'home');
      const person = this.evidence.person(application.applicant);
      const request = openEvidenceRequest(
        { id: command.requestId, applicationId: application.id, role: 'home', applicant: application.applicant, docType: command.docType },
        new Date(),
      );
      advanceCase(application, 'evidence-requested', command.docType);
      await this.events.publish(manager, evidenceRequestedEvent(application, request));
      // Within the recorded consent: answered at once, which takes the case back to review.
      if (person && application.consent.includes(command.docType) && this.evidence.claims(command.docType, person)) {
        await this.respond(manager, application, request, person, true, true);
        request.status = 'auto-answered';
        request.answeredAt = new Date();
      }
      await this.cases.store(manager, application);
      await manager.getRepository(EvidenceRequestEntity).insert(request);
    });
  }

  /** Sends the document (or the refusal) and returns the case to review. */
  private async respond(
    manager: EntityManager,
    application: ApplicationEntity,
    request: EvidenceRequestEntity,
    person: PersonRecord,
    provide: boolean,
    automatic: boolean,
  ): Promise<void> {
    const [document] = provide ? await this.evidence.issue(manager, [request.docType], person, application.id) : [];
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
