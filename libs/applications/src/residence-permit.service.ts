import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Equal, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '@ots/audit';
import { NodeConfig, parseInput } from '@ots/config';
import { DocumentIssuerService, DocumentVerificationService, DOC_TYPES, type DocumentVerification } from '@ots/documents';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { MessageNotAcceptedError, MessagingService, parseMessageBody, type EnvelopePayload } from '@ots/messaging';
import { insertEntities } from '@ots/persistence';
import { FederatedSearchService, RegistryService } from '@ots/registry';
import { TrustViewService } from '@ots/trust';
import { ApplicationEntity, CitizenDocumentEntity, EvidenceRequestEntity } from './application.entities.js';
import {
  ApplicationNotFoundError,
  ConsentInvalidError,
  EvidenceRefusedError,
  EvidenceRequestNotFoundError,
  FormInvalidError,
  IllegalTransitionError,
  ServiceNotOpenError,
  UnknownPersonError,
} from './applications.errors.js';
import { transition, type CaseStatus } from './case-state.js';
import { CitizenRecords, evidenceClaims, type PersonRecord } from './citizen-records.js';
import { validateForm, type FormFieldSpec } from './form-validation.js';

export const CITIZEN_RECORDS = Symbol('CITIZEN_RECORDS');

const PERMIT_VALID_DAYS = 365;
export const MAX_CASES_PER_PAGE = 500;

export const applyAbroadCommand = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
  serviceCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{2,40}$/, 'must be a service code such as TR-RP-WORK'),
  form: z.record(z.string(), z.unknown()),
  consent: z.array(z.enum(DOC_TYPES)).max(DOC_TYPES.length),
});

const submitBody = z.object({
  applicationId: z.string().uuid(),
  serviceCode: z.string(),
  applicant: z.string(),
  form: z.record(z.string(), z.unknown()),
  consent: z.array(z.string()),
  documents: z.array(z.string()).min(1).max(10),
});
const statusBody = z.object({ applicationId: z.string().uuid(), status: z.string(), note: z.string().max(2000).optional() });
const decisionBody = z.object({
  applicationId: z.string().uuid(),
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().max(2000),
  document: z.string().optional(),
});
const evidenceRequestBody = z.object({ applicationId: z.string().uuid(), requestId: z.string().uuid(), docType: z.enum(DOC_TYPES) });
const evidenceResponseBody = z.object({
  applicationId: z.string().uuid(),
  requestId: z.string().uuid(),
  docType: z.string(),
  outcome: z.enum(['provided', 'refused']),
  document: z.string().optional(),
});

/**
 * The residence-permit flow (PROTOCOL section 7) on both sides. At home: a
 * citizen applies, the node issues the consented evidence from its records
 * and sends `application.submit`; evidence requests are answered within the
 * consent or wait for the citizen; the decision lands in the citizen's
 * documents. At the destination: every attached document is verified, the
 * service must be open to the applicant's country, officers request
 * evidence and decide, and an approval issues a `residence-permit`.
 */
@Injectable()
export class ResidencePermitService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CITIZEN_RECORDS) private readonly records: CitizenRecords,
    private readonly messaging: MessagingService,
    private readonly issuer: DocumentIssuerService,
    private readonly verifier: DocumentVerificationService,
    private readonly registry: RegistryService,
    private readonly federated: FederatedSearchService,
    private readonly trustView: TrustViewService,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerHandler('application.submit', (m) => this.onSubmit(m));
    this.messaging.registerHandler('application.status', (m) => this.onStatus(m));
    this.messaging.registerHandler('application.decision', (m) => this.onDecision(m));
    this.messaging.registerHandler('evidence.request', (m) => this.onEvidenceRequest(m));
    this.messaging.registerHandler('evidence.response', (m) => this.onEvidenceResponse(m));
  }

  // ---- home node: the citizen's side ----------------------------------------------------------

  async applyAbroad(input: unknown, principal: Principal): Promise<ApplicationEntity> {
    const command = parseInput(applyAbroadCommand, input);
    const person = this.personOf(principal);
    const home = this.config.countryCode;
    const service = await this.federated.partnerService(command.country, command.serviceCode);
    if (!service || service.retired || !(service.crossBorder as string[]).includes(home)) {
      throw new ServiceNotOpenError(`service ${command.serviceCode} of ${command.country} is not open to ${home}`, {
        code: command.serviceCode,
        country: command.country,
        home,
      });
    }
    const problems = validateForm((service.form?.fields ?? []) as FormFieldSpec[], command.form);
    if (problems.length > 0) throw new FormInvalidError(problems.join('; '), { detail: problems.join('; ') });
    const unknownConsent = command.consent.filter((d) => d !== 'identity-attestation' && !evidenceClaims(d, person, home));
    if (unknownConsent.length > 0)
      throw new ConsentInvalidError('no records for consent', { detail: `this node cannot issue ${unknownConsent.join(', ')}` });

    const id = randomUUID();
    const sendTypes = [
      'identity-attestation',
      ...command.consent.filter((d) => d !== 'identity-attestation' && (service.requiredEvidence as string[]).includes(d)),
    ];
    const application = await this.messaging.transaction(async (manager) => {
      const documents = await this.issueEvidence(manager, sendTypes, person, id);
      const now = new Date();
      const entity = manager.getRepository(ApplicationEntity).create({
        id,
        role: 'home',
        applicant: person.subject,
        homeCountry: home,
        destination: command.country,
        serviceCode: command.serviceCode,
        status: 'submitted',
        form: command.form,
        consent: command.consent,
        documents,
        timeline: [{ status: 'submitted', at: now.toISOString() }],
        decisionReason: null,
        decidedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      await insertEntities(manager, ApplicationEntity, [entity]);
      await this.messaging.enqueue(manager, command.country, 'application.submit', {
        applicationId: id,
        serviceCode: command.serviceCode,
        applicant: person.subject,
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
      return entity;
    });
    return application;
  }

  myApplications(principal: Principal): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .find({ where: { role: 'home', applicant: principal.subject }, order: { createdAt: 'DESC' } });
  }

  async withdraw(id: string, principal: Principal): Promise<ApplicationEntity> {
    const updated = await this.change(
      id,
      { role: 'home', applicant: principal.subject },
      'withdrawn',
      principal.subject,
      'withdrawn by the applicant',
      async (manager, application) => {
        await this.messaging.enqueue(manager, application.destination, 'application.status', {
          applicationId: id,
          status: 'withdrawn',
          note: 'withdrawn by the applicant',
        });
      },
    );
    return updated;
  }

  /** The citizen's documents, each verified now (a revoked or expired one says so). */
  async myDocuments(principal: Principal): Promise<(CitizenDocumentEntity & { verification: DocumentVerification })[]> {
    const documents = await this.dataSource
      .getRepository(CitizenDocumentEntity)
      .find({ where: { holder: principal.subject }, order: { receivedAt: 'DESC' } });
    const verdicts = await this.verifier.verifyMany(documents.map((d) => d.jws));
    return documents.map((d, i) => ({ ...d, verification: verdicts[i] as DocumentVerification }));
  }

  pendingEvidenceRequests(principal: Principal): Promise<EvidenceRequestEntity[]> {
    return this.dataSource
      .getRepository(EvidenceRequestEntity)
      .find({ where: { role: 'home', applicant: principal.subject, status: 'pending' }, order: { requestedAt: 'ASC' } });
  }

  /** Exactly what would be sent for a pending request: the claims of the document, from the records. */
  previewEvidence(request: EvidenceRequestEntity): Record<string, unknown> | null {
    const person = this.records.person(request.applicant);
    return person ? (evidenceClaims(request.docType, person, this.config.countryCode) ?? null) : null;
  }

  async answerEvidenceRequest(requestId: string, approve: boolean, principal: Principal): Promise<EvidenceRequestEntity> {
    const person = this.personOf(principal);
    const answered = await this.messaging.transaction(async (manager) => {
      const request = await manager
        .getRepository(EvidenceRequestEntity)
        .findOne({ where: { id: requestId, role: 'home', applicant: person.subject } });
      if (!request || request.status !== 'pending')
        throw new EvidenceRequestNotFoundError(`no pending evidence request ${requestId}`, { id: requestId.slice(0, 36) });
      const application = await manager.getRepository(ApplicationEntity).findOneOrFail({ where: { id: request.applicationId } });
      await this.respondToEvidence(manager, application, request, person, approve);
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
    return answered;
  }

  private async onStatus(message: EnvelopePayload) {
    const body = parseMessageBody(statusBody, message);
    return async (manager: EntityManager) => {
      // From the destination: how the case moves. From the home node: only the applicant withdrawing.
      const role = body.status === 'withdrawn' ? 'destination' : 'home';
      const application = await this.ownApplication(manager, body.applicationId, message.iss, role);
      if (application.status !== body.status) this.apply(application, body.status as CaseStatus, body.note);
      await this.store(manager, application);
    };
  }

  private async onDecision(message: EnvelopePayload) {
    const body = parseMessageBody(decisionBody, message);
    const verdict = body.document ? await this.verifier.verify(body.document) : undefined;
    if (
      body.decision === 'approved' &&
      (!verdict?.valid || verdict.documentType !== 'residence-permit' || verdict.issuerCountry !== message.iss)
    ) {
      throw new EvidenceRefusedError('the permit does not verify', { reason: verdict?.reason ?? 'missing' });
    }
    return async (manager: EntityManager) => {
      const application = await this.ownApplication(manager, body.applicationId, message.iss, 'home');
      if (application.status === 'submitted') this.apply(application, 'under-review');
      this.apply(application, body.decision, body.reason);
      application.decisionReason = body.reason;
      await this.store(manager, application);
      if (body.document && verdict?.jti) {
        await manager.getRepository(CitizenDocumentEntity).insert({
          jti: verdict.jti,
          holder: application.applicant,
          docType: 'residence-permit',
          issuer: message.iss,
          jws: body.document,
          applicationId: application.id,
          receivedAt: new Date(),
        });
      }
    };
  }

  private async onEvidenceRequest(message: EnvelopePayload) {
    const body = parseMessageBody(evidenceRequestBody, message);
    return async (manager: EntityManager) => {
      const application = await this.ownApplication(manager, body.applicationId, message.iss, 'home');
      const person = this.records.person(application.applicant);
      const request = manager.getRepository(EvidenceRequestEntity).create({
        id: body.requestId,
        applicationId: application.id,
        role: 'home',
        applicant: application.applicant,
        docType: body.docType,
        status: 'pending',
        requestedAt: new Date(),
        answeredAt: null,
      });
      if (person && application.consent.includes(body.docType) && evidenceClaims(body.docType, person, this.config.countryCode)) {
        // Within the recorded consent: answered at once, the once-only way.
        await this.respondToEvidence(manager, application, request, person, true);
        request.status = 'auto-answered';
        request.answeredAt = new Date();
      }
      this.apply(application, 'evidence-requested', body.docType);
      await this.store(manager, application);
      await manager.getRepository(EvidenceRequestEntity).insert(request);
    };
  }

  private async respondToEvidence(
    manager: EntityManager,
    application: ApplicationEntity,
    request: EvidenceRequestEntity,
    person: PersonRecord,
    provide: boolean,
  ): Promise<void> {
    const [document] = provide ? await this.issueEvidence(manager, [request.docType], person, application.id) : [];
    if (document) application.documents = [...application.documents, document];
    await this.messaging.enqueue(manager, application.destination, 'evidence.response', {
      applicationId: application.id,
      requestId: request.id,
      docType: request.docType,
      outcome: provide ? 'provided' : 'refused',
      ...(document ? { document: document.jws } : {}),
    });
    if (application.status === 'evidence-requested')
      this.apply(application, 'under-review', provide ? `${request.docType} sent` : `${request.docType} refused by the applicant`);
    await this.store(manager, application);
  }

  /** Issues the evidence from the records and files each document among the citizen's own. */
  private async issueEvidence(manager: EntityManager, docTypes: readonly string[], person: PersonRecord, applicationId: string) {
    const commands = docTypes.map((docType) => {
      const claims = evidenceClaims(docType, person, this.config.countryCode);
      if (!claims) throw new ConsentInvalidError(`cannot issue ${docType}`, { detail: `this node cannot issue ${docType}` });
      return {
        docType: docType as (typeof DOC_TYPES)[number],
        subject: person.subject,
        claims,
        validDays: 90,
        lang: this.config.defaultLanguage,
      };
    });
    const issued = await this.issuer.issueManyIn(manager, commands, `node:${this.config.countryCode}`);
    const receivedAt = new Date();
    const filed = issued.map((document, i) => ({
      jti: document.jti,
      holder: person.subject,
      docType: docTypes[i] as string,
      issuer: this.config.countryCode,
      jws: document.jws,
      applicationId,
      receivedAt,
    }));
    await insertEntities(manager, CitizenDocumentEntity, filed);
    return filed.map(({ docType, jti, jws }) => ({ docType, jti, jws, reason: 'OK' }));
  }

  // ---- destination node: the officers' side --------------------------------------------------

  /** The destination's cases, newest first, `first` at a time; `after` is the last case of the previous page. */
  async cases(status: CaseStatus | undefined, first: number, after: string | undefined): Promise<ApplicationEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_CASES_PER_PAGE)
      throw new BadInputError('bad first', { detail: `first: must be 1-${MAX_CASES_PER_PAGE}` });
    const repository = this.dataSource.getRepository(ApplicationEntity);
    const where: FindOptionsWhere<ApplicationEntity> = { role: 'destination', ...(status ? { status } : {}) };
    let wheres = [where];
    if (after !== undefined) {
      const last = await repository.findOne({ where: { id: after, role: 'destination' }, select: { id: true, createdAt: true } });
      if (!last) throw new BadInputError('unknown case', { detail: 'after: no case with this id' });
      // Keyset paging: cases arriving meanwhile neither shift nor repeat a page.
      wheres = [
        { ...where, createdAt: LessThan(last.createdAt) },
        { ...where, createdAt: Equal(last.createdAt), id: LessThan(last.id) },
      ];
    }
    return repository.find({ where: wheres, order: { createdAt: 'DESC', id: 'DESC' }, take: first });
  }

  async requestEvidence(id: string, docType: string, principal: Principal): Promise<ApplicationEntity> {
    if (!(DOC_TYPES as readonly string[]).includes(docType))
      throw new BadInputError('bad docType', { detail: `docType: must be one of ${DOC_TYPES.join(', ')}` });
    const requestId = randomUUID();
    const updated = await this.change(
      id,
      { role: 'destination' },
      'evidence-requested',
      principal.subject,
      docType,
      async (manager, application) => {
        await manager.getRepository(EvidenceRequestEntity).insert({
          id: requestId,
          applicationId: id,
          role: 'destination',
          applicant: application.applicant,
          docType,
          status: 'pending',
          requestedAt: new Date(),
          answeredAt: null,
        });
        await this.messaging.enqueue(manager, application.homeCountry, 'evidence.request', { applicationId: id, requestId, docType });
      },
    );
    return updated;
  }

  async decideCase(id: string, decision: 'approve' | 'reject', reason: string, principal: Principal): Promise<ApplicationEntity> {
    const text = reason.trim();
    if (text.length === 0 || text.length > 2000) throw new BadInputError('bad reason', { detail: 'reason: must be 1-2000 characters' });
    const to: CaseStatus = decision === 'approve' ? 'approved' : 'rejected';
    const updated = await this.change(id, { role: 'destination' }, to, principal.subject, text, async (manager, application) => {
      application.decisionReason = text;
      application.decidedBy = principal.subject;
      let document: string | undefined;
      if (to === 'approved') {
        const issued = await this.issuer.issueIn(
          manager,
          {
            docType: 'residence-permit',
            subject: application.applicant,
            claims: {
              serviceCode: application.serviceCode,
              permitType: application.serviceCode.split('-').slice(2).join('-').toLowerCase(),
              applicationId: id,
              validFrom: new Date().toISOString().slice(0, 10),
            },
            validDays: PERMIT_VALID_DAYS,
            lang: this.config.defaultLanguage,
          },
          principal.subject,
        );
        document = issued.jws;
      }
      await this.messaging.enqueue(manager, application.homeCountry, 'application.decision', {
        applicationId: id,
        decision: to,
        reason: text,
        ...(document ? { document } : {}),
      });
    });
    return updated;
  }

  private async onSubmit(message: EnvelopePayload) {
    const body = parseMessageBody(submitBody, message);
    const home = message.iss;
    if (!body.applicant.startsWith(`${home}:`)) throw new MessageNotAcceptedError('applicant of another country', { reason: 'applicant' });
    const service = await this.registry.service(body.serviceCode, 'en').catch(() => undefined);
    const anchor = await this.trustView.anchor(home);
    if (
      !service ||
      service.retired ||
      !(service.crossBorder as string[]).includes(home) ||
      (anchor?.servicesAllowed && !anchor.servicesAllowed.includes(body.serviceCode))
    ) {
      throw new ServiceNotOpenError(`service ${body.serviceCode} is not open to ${home}`, {
        code: body.serviceCode,
        country: this.config.countryCode,
        home,
      });
    }
    const problems = validateForm((service.form?.fields ?? []) as FormFieldSpec[], body.form);
    if (problems.length > 0) throw new FormInvalidError(problems.join('; '), { detail: problems.join('; ') });
    const verdicts = await this.verifier.verifyMany(body.documents);
    const documents = verdicts.map((v, i) => {
      if (!v.valid || v.issuerCountry !== home || v.subject !== body.applicant) {
        throw new EvidenceRefusedError(`document ${i} refused: ${v.reason}`, { reason: v.valid ? 'NOT_THE_APPLICANT' : v.reason });
      }
      return { docType: v.documentType as string, jti: v.jti as string, jws: body.documents[i] as string, reason: v.reason };
    });
    if (!documents.some((d) => d.docType === 'identity-attestation'))
      throw new EvidenceRefusedError('no identity attestation', { reason: 'identity-attestation missing' });
    return async (manager: EntityManager) => {
      const now = new Date();
      const application = manager.getRepository(ApplicationEntity).create({
        id: body.applicationId,
        role: 'destination',
        applicant: body.applicant,
        homeCountry: home,
        destination: this.config.countryCode,
        serviceCode: body.serviceCode,
        status: 'submitted',
        form: body.form,
        consent: body.consent,
        documents,
        timeline: [{ status: 'submitted', at: now.toISOString() }],
        decisionReason: null,
        decidedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      this.apply(application, 'under-review', 'documents verified');
      await insertEntities(manager, ApplicationEntity, [application]);
      await this.messaging.enqueue(manager, home, 'application.status', {
        applicationId: application.id,
        status: 'under-review',
        note: 'documents verified',
      });
    };
  }

  private async onEvidenceResponse(message: EnvelopePayload) {
    const body = parseMessageBody(evidenceResponseBody, message);
    const verdict = body.document ? await this.verifier.verify(body.document) : undefined;
    return async (manager: EntityManager) => {
      const application = await this.ownApplication(manager, body.applicationId, message.iss, 'destination');
      const request = await manager.getRepository(EvidenceRequestEntity).findOne({ where: { id: body.requestId, role: 'destination' } });
      if (!request) throw new EvidenceRequestNotFoundError('unknown evidence request', { id: body.requestId });
      const provided = body.outcome === 'provided' && verdict?.valid === true && verdict.subject === application.applicant;
      if (provided && body.document && verdict?.jti) {
        application.documents = [
          ...application.documents,
          { docType: verdict.documentType as string, jti: verdict.jti, jws: body.document, reason: verdict.reason },
        ];
      }
      request.status = provided ? 'answered' : 'refused';
      request.answeredAt = new Date();
      await manager.getRepository(EvidenceRequestEntity).save(request);
      if (application.status === 'evidence-requested')
        this.apply(application, 'under-review', provided ? `${body.docType} received and verified` : `${body.docType} not provided`);
      await this.store(manager, application);
    };
  }

  // ---- shared -----------------------------------------------------------------------------------

  private personOf(principal: Principal): PersonRecord {
    const person = this.records.person(principal.subject);
    if (!person) throw new UnknownPersonError(`no record of ${principal.subject}`, { subject: principal.subject.slice(0, 96) });
    return person;
  }

  private async ownApplication(
    manager: EntityManager,
    id: string,
    partner: string,
    role: 'home' | 'destination',
  ): Promise<ApplicationEntity> {
    const application = await manager.getRepository(ApplicationEntity).findOne({ where: { id, role } });
    const counterpart = application ? (role === 'home' ? application.destination : application.homeCountry) : undefined;
    if (!application || counterpart !== partner)
      throw new ApplicationNotFoundError(`no application ${id} with ${partner}`, { id: id.slice(0, 36) });
    return application;
  }

  /** Writes a loaded case back in one UPDATE of what a case can change (`save` would read the row again first). */
  private async store(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    const { status, timeline, documents, decisionReason, decidedBy, updatedAt } = application;
    await manager
      .getRepository(ApplicationEntity)
      .update({ id: application.id }, { status, timeline, documents, decisionReason, decidedBy, updatedAt });
  }

  private apply(application: ApplicationEntity, to: CaseStatus, note?: string): void {
    const next = transition(application.status, to, application.timeline, new Date(), note);
    if ('refused' in next)
      throw new IllegalTransitionError(`${application.status} -> ${to}`, { from: next.refused.from, to: next.refused.to });
    application.status = next.status;
    application.timeline = next.timeline;
    application.updatedAt = new Date();
  }

  private async change(
    id: string,
    where: { role: 'home' | 'destination'; applicant?: string },
    to: CaseStatus,
    actor: string,
    note: string,
    effect: (manager: EntityManager, application: ApplicationEntity) => Promise<void>,
  ): Promise<ApplicationEntity> {
    return this.messaging.transaction(async (manager) => {
      const application = await manager.getRepository(ApplicationEntity).findOne({ where: { id, ...where } });
      if (!application) throw new ApplicationNotFoundError(`no application ${id}`, { id: id.slice(0, 36) });
      this.apply(application, to, note);
      await effect(manager, application);
      await this.store(manager, application);
      await this.audit.append(manager, { actor, action: `application.${to}`, subject: id, details: { note } });
      return application;
    });
  }
}
