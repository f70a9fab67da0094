import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { CaseEventPublisher } from '@ots/case-events';
import { NodeConfig, parseInput } from '@ots/config';
import { DocumentIssuerService, DocumentVerificationService, type IssuedDocument } from '@ots/documents';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import type { Principal } from '@ots/identity';
import { MessageNotAcceptedError, MessagingService } from '@ots/messaging';
import { RegistryService } from '@ots/registry';
import { keysetFind, keysetKey } from '@ots/persistence';
import { TrustViewService } from '@ots/trust';
import { APPLICATION_KEY, ApplicationEntity, EvidenceRequestEntity } from './application.entities.js';
import { EvidenceRefusedError, EvidenceRequestNotFoundError, FormInvalidError, ServiceNotOpenError } from './applications.errors.js';
import { advanceCase, openCase, openEvidenceRequest } from './case-records.js';
import type { CaseStatus } from './case-state.js';
import { CaseStore, type CaseWrite } from './case-store.js';
import {
  applicationReceivedEvent,
  decisionMadeEvent,
  evidenceAnsweredEvent,
  evidenceRequestedEvent,
  permitIssuedEvent,
} from './case-events.js';
import { validateForm } from './form-validation.js';
import {
  decideCaseCommand,
  listCasesQuery,
  requestEvidenceCommand,
  type ReceivedEvidenceResponse,
  type ReportedStatus,
  type SubmittedApplication,
} from './residence-permit.commands.js';

const PERMIT_VALID_DAYS = 365;

/**
 * The officers' side of the residence-permit flow (docs/protocol section 7), at
 * the destination: a case is opened only when every attached document
 * verifies and the service is open to the applicant's country; officers
 * page through cases, ask for more evidence and decide, and an approval
 * issues a `residence-permit` sent back with the decision.
 */
@Injectable()
export class DestinationCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly messaging: MessagingService,
    private readonly issuer: DocumentIssuerService,
    private readonly verifier: DocumentVerificationService,
    private readonly registry: RegistryService,
    private readonly trustView: TrustViewService,
    private readonly config: NodeConfig,
    private readonly events: CaseEventPublisher,
  ) {}

  /** The destination's cases, newest first, one page (docs/api.md, "Paging"). */
  async list(filter: unknown, paging: ConnectionArgs): Promise<Connection<ApplicationEntity>> {
    const { status } = parseInput(listCasesQuery, filter);
    const request = pageRequest('case', paging, RECORD_PAGES, APPLICATION_KEY.length);
    const where: FindOptionsWhere<ApplicationEntity> = { role: 'destination', ...(status ? { status } : {}) };
    const rows = await keysetFind(this.dataSource.getRepository(ApplicationEntity), where, APPLICATION_KEY, request);
    return connectionFrom('case', request, rows, (row) => keysetKey(row, APPLICATION_KEY));
  }

  async requestEvidence(input: unknown, principal: Principal, traceparent?: string): Promise<ApplicationEntity> {
    const { caseId, docType } = parseInput(requestEvidenceCommand, input);
    const requestId = randomUUID();
    return this.cases.change(
      caseId,
      { role: 'destination' },
      'evidence-requested',
      principal.subject,
      docType,
      async (manager, application) => {
        const request = openEvidenceRequest(
          { id: requestId, applicationId: caseId, role: 'destination', applicant: application.applicant, docType },
          new Date(),
        );
        await manager.getRepository(EvidenceRequestEntity).insert(request);
        await this.messaging.enqueue(manager, application.homeCountry, 'evidence.request', { applicationId: caseId, requestId, docType });
        await this.events.publish(manager, evidenceRequestedEvent(application, request));
      },
      traceparent,
    );
  }

  async decide(input: unknown, principal: Principal, traceparent?: string): Promise<ApplicationEntity> {
    const { id, decision, reason } = parseInput(decideCaseCommand, input);
    const to: CaseStatus = decision === 'approve' ? 'approved' : 'rejected';
    return this.cases.change(
      id,
      { role: 'destination' },
      to,
      principal.subject,
      reason,
      async (manager, application) => {
        application.decisionReason = reason;
        application.decidedBy = principal.subject;
        const permit = to === 'approved' ? await this.issuePermit(manager, application, principal) : undefined;
        await this.messaging.enqueue(manager, application.homeCountry, 'application.decision', {
          applicationId: id,
          decision: to,
          reason,
          ...(permit ? { document: permit.jws } : {}),
        });
        await this.events.publish(
          manager,
          decisionMadeEvent(application, to, reason, permit?.jti ?? null),
          ...(permit ? [permitIssuedEvent(application, permit, new Date())] : []),
        );
      },
      traceparent,
    );
  }

  /** An application arrives: refused unless the service is open to the home country and every document verifies. */
  async receive(command: SubmittedApplication): Promise<CaseWrite> {
    const { home } = command;
    if (!command.applicant.startsWith(`${home}:`))
      throw new MessageNotAcceptedError('applicant of another country', { reason: 'applicant' });
    const service = await this.registry.service(command.serviceCode, 'en').catch(() => undefined);
    const anchor = await this.trustView.anchor(home);
    if (
      !service ||
      service.retired ||
      !(service.crossBorder as string[]).includes(home) ||
      (anchor?.servicesAllowed && !anchor.servicesAllowed.includes(command.serviceCode))
    ) {
      throw new ServiceNotOpenError(`service ${command.serviceCode} is not open to ${home}`, {
        code: command.serviceCode,
        country: this.config.countryCode,
        home,
      });
    }
    const problems = validateForm(service.form?.fields ?? [], command.form);
    if (problems.length > 0) throw new FormInvalidError(problems.join('; '), { detail: problems.join('; ') });
    const verdicts = await this.verifier.verifyMany(command.documents);
    const documents = verdicts.map((v, i) => {
      if (!v.valid || v.issuerCountry !== home || v.subject !== command.applicant) {
        throw new EvidenceRefusedError(`document ${i} refused: ${v.reason}`, { reason: v.valid ? 'NOT_THE_APPLICANT' : v.reason });
      }
      return { docType: v.documentType as string, jti: v.jti as string, jws: command.documents[i], reason: v.reason };
    });
    if (!documents.some((d) => d.docType === 'identity-attestation'))
      throw new EvidenceRefusedError('no identity attestation', { reason: 'identity-attestation missing' });
    return async (manager) => {
      const application = openCase(
        {
          id: command.applicationId,
          role: 'destination',
          applicant: command.applicant,
          homeCountry: home,
          destination: this.config.countryCode,
          serviceCode: command.serviceCode,
          form: command.form,
          consent: command.consent,
          documents,
        },
        new Date(),
      );
      advanceCase(application, 'under-review', 'documents verified');
      await this.cases.insert(manager, application);
      await this.messaging.enqueue(manager, home, 'application.status', {
        applicationId: application.id,
        status: 'under-review',
        note: 'documents verified',
      });
      await this.events.publish(manager, applicationReceivedEvent(application));
    };
  }

  /** The home node answered an evidence request: a provided document counts only if it verifies and names the applicant. */
  async recordEvidenceResponse(command: ReceivedEvidenceResponse): Promise<CaseWrite> {
    const verdict = command.document ? await this.verifier.verify(command.document) : undefined;
    return async (manager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.home, 'destination');
      const request = await manager.getRepository(EvidenceRequestEntity).findOne({ where: { id: command.requestId, role: 'destination' } });
      if (!request) throw new EvidenceRequestNotFoundError('unknown evidence request', { id: command.requestId });
      const provided = command.outcome === 'provided' && verdict?.valid === true && verdict.subject === application.applicant;
      if (provided && command.document && verdict?.jti) {
        application.documents = [
          ...application.documents,
          { docType: verdict.documentType as string, jti: verdict.jti, jws: command.document, reason: verdict.reason },
        ];
      }
      request.status = provided ? 'answered' : 'refused';
      request.answeredAt = new Date();
      await manager.getRepository(EvidenceRequestEntity).save(request);
      if (application.status === 'evidence-requested')
        advanceCase(application, 'under-review', provided ? `${command.docType} received and verified` : `${command.docType} not provided`);
      await this.cases.store(manager, application);
      await this.events.publish(manager, evidenceAnsweredEvent(application, request, provided, null));
    };
  }

  /** The applicant withdrew at home: the case follows. */
  recordWithdrawal(command: ReportedStatus): Promise<CaseWrite> {
    return Promise.resolve(async (manager: EntityManager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.partner, 'destination');
      if (application.status !== 'withdrawn') advanceCase(application, 'withdrawn', command.note);
      await this.cases.store(manager, application);
    });
  }

  private issuePermit(manager: EntityManager, application: ApplicationEntity, principal: Principal): Promise<IssuedDocument> {
    return this.issuer.issueIn(
      manager,
      {
        docType: 'residence-permit',
        subject: application.applicant,
        claims: {
          serviceCode: application.serviceCode,
          permitType: application.serviceCode.split('-').slice(2).join('-').toLowerCase(),
          applicationId: application.id,
          validFrom: new Date().toISOString().slice(0, 10),
        },
        validDays: PERMIT_VALID_DAYS,
        lang: this.config.defaultLanguage,
      },
      principal.subject,
    );
  }
}
