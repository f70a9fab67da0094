import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { CaseEventPublisher } from '@ots/case-events';
import { NodeConfig, parseInput } from '@ots/config';
import { DocumentVerificationService, type DocumentVerification } from '@ots/documents';
import type { Principal } from '@ots/identity';
import { MessagingService } from '@ots/messaging';
import { FederatedSearchService } from '@ots/registry';
import { DataUsageLedger, Purpose } from '@ots/registers';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import { keysetFind, keysetKey } from '@ots/persistence';
import { APPLICATION_KEY, ApplicationEntity, CITIZEN_DOCUMENT_KEY, CitizenDocumentEntity } from './application.entities.js';

/** A document the citizen holds, with its verification now. */
export type HeldDocument = CitizenDocumentEntity & { verification: DocumentVerification };
import {
  ConsentInvalidError,
  EvidenceRefusedError,
  FormInvalidError,
  IllegalTransitionError,
  ServiceNotOpenError,
} from './applications.errors.js';
import { advanceCase, openCase } from './case-records.js';
import type { CaseStatus } from './case-state.js';
import { CaseStore, type CaseWrite } from './case-store.js';
import { decisionMadeEvent } from './case-events.js';
import { CitizenEvidence } from './citizen-evidence.js';
import { categoriesOf, issuesForCases } from './citizen-records.js';
import { validateForm } from './form-validation.js';
import { applyAbroadCommand, withdrawCommand, type ReportedDecision, type ReportedStatus } from './residence-permit.commands.js';

/**
 * The citizen's side of the residence-permit flow (docs/protocol section 7), at
 * the home node: applying with evidence issued from the records,
 * withdrawing, and following the case as the destination moves it, up to
 * the decision that lands the permit among the citizen's documents.
 */
@Injectable()
export class HomeApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly evidence: CitizenEvidence,
    private readonly messaging: MessagingService,
    private readonly verifier: DocumentVerificationService,
    private readonly federated: FederatedSearchService,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
    private readonly events: CaseEventPublisher,
    private readonly ledger: DataUsageLedger,
  ) {}

  async applyAbroad(input: unknown, principal: Principal, traceparent?: string): Promise<ApplicationEntity> {
    const command = parseInput(applyAbroadCommand, input);
    const id = randomUUID();
    // The citizen's own request is the purpose; a person the registers do not know goes no further.
    const purpose = Purpose.forConsent(principal, 'application', command.country, id);
    const person = await this.evidence.personOf(principal.subject, purpose);
    return this.ledger.accountFor(purpose, async () => {
      const home = this.config.countryCode;
      const service = await this.federated.partnerService(command.country, command.serviceCode);
      if (!service || service.retired || !(service.crossBorder as string[]).includes(home)) {
        throw new ServiceNotOpenError(`service ${command.serviceCode} of ${command.country} is not open to ${home}`, {
          code: command.serviceCode,
          country: command.country,
          home,
        });
      }
      const problems = validateForm(service.form?.fields ?? [], command.form);
      if (problems.length > 0) throw new FormInvalidError(problems.join('; '), { detail: problems.join('; ') });
      const unknownConsent = command.consent.filter((d) => !issuesForCases(d));
      if (unknownConsent.length > 0)
        throw new ConsentInvalidError('no records for consent', { detail: `this node cannot issue ${unknownConsent.join(', ')}` });

      const sendTypes = [
        'identity-attestation',
        ...command.consent.filter((d) => d !== 'identity-attestation' && (service.requiredEvidence as string[]).includes(d)),
      ];
      // Only what the documents to send carry is read, before the transaction.
      const facts = await this.evidence.facts(principal.subject, sendTypes, purpose, person);
      return this.messaging.transaction(async (manager) => {
        const documents = await this.evidence.issue(manager, sendTypes, facts, id);
        await this.ledger.record(manager, purpose, [
          { subject: person.personId, partner: command.country, docTypes: sendTypes, categories: categoriesOf(sendTypes) },
        ]);
        const application = openCase(
          {
            id,
            role: 'home',
            applicant: person.personId,
            homeCountry: home,
            destination: command.country,
            serviceCode: command.serviceCode,
            form: command.form,
            consent: command.consent,
            documents,
          },
          new Date(),
        );
        await this.cases.insert(manager, application);
        await this.messaging.enqueue(manager, command.country, 'application.submit', {
          applicationId: id,
          serviceCode: command.serviceCode,
          applicant: person.personId,
          form: command.form,
          consent: command.consent,
          documents: documents.map((d) => d.jws),
        });
        await this.audit.append(manager, {
          actor: principal.subject,
          action: 'application.submit',
          subject: id,
          details: { to: command.country, service: command.serviceCode, documents: sendTypes },
        });
        return application;
      }, traceparent);
    });
  }

  /** The citizen's applications, newest first, one page. */
  async myApplications(principal: Principal, paging: ConnectionArgs): Promise<Connection<ApplicationEntity>> {
    const request = pageRequest('application', paging, RECORD_PAGES, APPLICATION_KEY.length);
    const where = { role: 'home', applicant: principal.subject } as const;
    const rows = await keysetFind(this.dataSource.getRepository(ApplicationEntity), where, APPLICATION_KEY, request);
    return connectionFrom('application', request, rows, (row) => keysetKey(row, APPLICATION_KEY));
  }

  /** The home node's cases stuck because their message did not arrive, newest first, one page (officers and admins). */
  async undelivered(paging: ConnectionArgs): Promise<Connection<ApplicationEntity>> {
    const request = pageRequest('application', paging, RECORD_PAGES, APPLICATION_KEY.length);
    const where = { role: 'home', status: 'undelivered' } as const;
    const rows = await keysetFind(this.dataSource.getRepository(ApplicationEntity), where, APPLICATION_KEY, request);
    return connectionFrom('application', request, rows, (row) => keysetKey(row, APPLICATION_KEY));
  }

  async withdraw(input: unknown, principal: Principal, traceparent?: string): Promise<ApplicationEntity> {
    const { id } = parseInput(withdrawCommand, input);
    const note = 'withdrawn by the applicant';
    return this.cases.change(
      id,
      { role: 'home', applicant: principal.subject },
      'withdrawn',
      principal.subject,
      note,
      (manager, application) => {
        application.failure = null;
        return this.messaging
          .enqueue(manager, application.destination, 'application.status', { applicationId: id, status: 'withdrawn', note })
          .then(() => undefined);
      },
      traceparent,
    );
  }

  /** The citizen's documents, each verified now (a revoked or expired one says so). */
  /** The citizen's documents, newest first, one page, each verified now. */
  async myDocuments(principal: Principal, paging: ConnectionArgs): Promise<Connection<HeldDocument>> {
    const request = pageRequest('document', paging, RECORD_PAGES, CITIZEN_DOCUMENT_KEY.length);
    const rows = await keysetFind(
      this.dataSource.getRepository(CitizenDocumentEntity),
      { holder: principal.subject },
      CITIZEN_DOCUMENT_KEY,
      request,
    );
    const page = connectionFrom('document', request, rows, (row) => keysetKey(row, CITIZEN_DOCUMENT_KEY));
    const verdicts = await this.verifier.verifyMany(page.edges.map((e) => e.node.jws));
    return {
      ...page,
      edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: { ...e.node, verification: verdicts[i] as DocumentVerification } })),
    };
  }

  /** The destination moved the case (only `withdrawn` travels the other way). */
  recordStatus(command: ReportedStatus): Promise<CaseWrite> {
    return Promise.resolve(async (manager: EntityManager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.partner, 'home');
      // Only this node knows whether its own messages arrived.
      if (command.status === 'undelivered')
        throw new IllegalTransitionError(`${application.status} -> undelivered`, { from: application.status, to: command.status });
      if (application.status !== command.status) advanceCase(application, command.status as CaseStatus, command.note);
      await this.cases.store(manager, application);
    });
  }

  /** The destination decided; an approval must carry a permit it issued, which is filed among the citizen's documents. */
  async recordDecision(command: ReportedDecision): Promise<CaseWrite> {
    const verdict = command.document ? await this.verifier.verify(command.document) : undefined;
    if (
      command.decision === 'approved' &&
      (!verdict?.valid || verdict.documentType !== 'residence-permit' || verdict.issuerCountry !== command.destination)
    ) {
      throw new EvidenceRefusedError('the permit does not verify', { reason: verdict?.reason ?? 'missing' });
    }
    return async (manager) => {
      const application = await this.cases.partnerCase(manager, command.applicationId, command.destination, 'home');
      if (application.status === 'submitted') advanceCase(application, 'under-review');
      advanceCase(application, command.decision, command.reason);
      application.decisionReason = command.reason;
      await this.cases.store(manager, application);
      if (command.document && verdict?.jti) {
        await manager.getRepository(CitizenDocumentEntity).insert({
          jti: verdict.jti,
          holder: application.applicant,
          docType: 'residence-permit',
          issuer: command.destination,
          jws: command.document,
          applicationId: application.id,
          receivedAt: new Date(),
        });
      }
      await this.events.publish(manager, decisionMadeEvent(application, command.decision, command.reason, verdict?.jti ?? null));
    };
  }
}
