import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '@ots/audit';
import { FederationConfig, NodeConfig, parseInput } from '@ots/config';
import { DocumentIssuerService, DocumentVerificationService } from '@ots/documents';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import {
  MessageNotAcceptedError,
  MessagingService,
  parseMessageBody,
  PartnerDirectory,
  PartnerNotTrustedError,
  type EnvelopePayload,
} from '@ots/messaging';
import { insertEntities } from '@ots/persistence';
import { CitizenDocumentEntity, TaxRecordEntity } from './application.entities.js';
import { EvidenceRefusedError, NotResidentError, UnknownPersonError } from './applications.errors.js';
import { CitizenRecords } from './citizen-records.js';
import { CITIZEN_RECORDS } from './residence-permit.service.js';

const ANSWER_WAIT_MS = 8_000;
/** The answer normally wakes the waiting request at once; it may land at another replica on the same database instead. */
const REPLICA_POLL_MS = 250;
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code');
const taxpayerNumber = z.string().trim().min(1).max(32);
const taxpayerQuery = z.object({ country: countryCode, tin: taxpayerNumber });
/** A batch is what one officer's list (a payroll's foreign workers, say) holds; more goes in several calls. */
export const MAX_TAXPAYER_BATCH = 1000;
const taxpayerBatch = z.object({ country: countryCode, tins: z.array(taxpayerNumber).min(1).max(MAX_TAXPAYER_BATCH) });
const checkIds = z.object({ requestIds: z.array(z.string().uuid()).min(1).max(MAX_TAXPAYER_BATCH) });
const certificateBody = z.object({ document: z.string(), forYear: z.number().int() });
const tinBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), requestId: z.string().uuid(), tin: z.string().min(1).max(32) }),
  z.object({ kind: z.literal('answer'), requestId: z.string().uuid(), valid: z.boolean(), resident: z.boolean() }),
]);

export interface TaxpayerCheck {
  requestId: string;
  country: string;
  status: 'pending' | 'answered';
  valid: boolean | null;
  resident: boolean | null;
}

/**
 * Tax services (PROTOCOL section 7): a proactive tax residence certificate,
 * issued from the home node's records with no officer and delivered to the
 * treaty partner, and the taxpayer-number check that answers only
 * `{valid, resident}`.
 */
@Injectable()
export class TaxService implements OnModuleInit {
  private readonly answerWaiters = new Map<string, () => void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CITIZEN_RECORDS) private readonly records: CitizenRecords,
    private readonly messaging: MessagingService,
    private readonly partners: PartnerDirectory,
    private readonly issuer: DocumentIssuerService,
    private readonly verifier: DocumentVerificationService,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly audit: AuditLogService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerHandler('tax.residence-certificate', (m) => this.onCertificate(m));
    this.messaging.registerHandler('tax.tin-verification', (m) => this.onTinVerification(m));
  }

  async requestTaxResidenceCertificate(
    year: number,
    forCountry: string,
    principal: Principal,
  ): Promise<{ jws: string; jti: string; expiresAt: Date }> {
    const currentYear = new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < 1990 || year > currentYear)
      throw new BadInputError('bad year', { detail: `year: must be 1990-${currentYear}` });
    await this.checkPartner(forCountry);
    const person = this.records.person(principal.subject);
    if (!person) throw new UnknownPersonError(`no record of ${principal.subject}`, { subject: principal.subject.slice(0, 96) });
    if (!person.taxResidentYears.includes(year))
      throw new NotResidentError('not resident', { subject: person.subject, country: this.config.countryCode, year });
    const issued = await this.messaging.transaction(async (manager) => {
      const document = await this.issuer.issueIn(
        manager,
        {
          docType: 'tax-residence-certificate',
          subject: person.subject,
          claims: {
            givenName: person.givenName,
            familyName: person.familyName,
            tin: person.tin,
            taxYear: year,
            resident: true,
            residentOf: this.config.countryCode,
            issuedFor: forCountry,
          },
          validDays: 365,
          lang: this.config.defaultLanguage,
        },
        `node:${this.config.countryCode}`,
      );
      await manager.getRepository(CitizenDocumentEntity).insert({
        jti: document.jti,
        holder: person.subject,
        docType: 'tax-residence-certificate',
        issuer: this.config.countryCode,
        jws: document.jws,
        applicationId: null,
        receivedAt: new Date(),
      });
      await this.messaging.enqueue(manager, forCountry, 'tax.residence-certificate', { document: document.jws, forYear: year });
      await this.audit.append(manager, {
        actor: principal.subject,
        action: 'tax.residence-certificate',
        subject: document.jti,
        details: { to: forCountry, year },
      });
      return document;
    });
    return issued;
  }

  /** Certificates received from partners for treaty relief (officers of this country). */
  receivedCertificates(): Promise<TaxRecordEntity[]> {
    return this.dataSource
      .getRepository(TaxRecordEntity)
      .find({ where: { kind: 'residence-certificate' }, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** Asks `country` whether `tin` is a valid, resident taxpayer; waits a few seconds for the answer. */
  async verifyTaxpayer(country: string, tin: string, principal: Principal): Promise<TaxpayerCheck> {
    const checked = parseInput(taxpayerQuery, { country, tin });
    await this.checkPartner(checked.country);
    const [requestId] = (await this.askPartner(checked.country, [checked.tin], principal)) as [string];
    const deadline = Date.now() + ANSWER_WAIT_MS;
    const answered = new Promise<void>((resolve) => this.answerWaiters.set(requestId, resolve));
    try {
      for (;;) {
        const check = await this.taxpayerCheck(requestId);
        if (check.status === 'answered' || Date.now() > deadline) return check;
        await untilOrAfter(answered, Math.min(REPLICA_POLL_MS, Math.max(deadline - Date.now(), 0)));
      }
    } finally {
      this.answerWaiters.delete(requestId);
    }
  }

  /**
   * Asks `country` about a list of taxpayer numbers at once: one request
   * message each, all written in one transaction, answered as messages
   * arrive; `taxpayerChecks` reads where they stand.
   */
  async verifyTaxpayers(country: string, tins: string[], principal: Principal): Promise<TaxpayerCheck[]> {
    const checked = parseInput(taxpayerBatch, { country, tins });
    await this.checkPartner(checked.country);
    const requestIds = await this.askPartner(checked.country, checked.tins, principal);
    return requestIds.map((requestId) => ({ requestId, country: checked.country, status: 'pending', valid: null, resident: null }));
  }

  /**
   * One pending check and one request message per number, in one
   * transaction with one audit entry (the check's id, or a batch id for a
   * list); returns the checks' ids in the order of `tins`.
   */
  private async askPartner(country: string, tins: string[], principal: Principal): Promise<string[]> {
    const checks = tins.map((tin) => ({ requestId: randomUUID(), tin }));
    const requestIds = checks.map((c) => c.requestId);
    await this.messaging.transaction(async (manager) => {
      const now = new Date();
      await insertEntities(
        manager,
        TaxRecordEntity,
        requestIds.map((id) => ({
          id,
          kind: 'tin-check',
          country,
          subject: principal.subject,
          status: 'pending',
          detail: {},
          createdAt: now,
          updatedAt: now,
        })),
      );
      await this.messaging.enqueueMany(
        manager,
        country,
        'tax.tin-verification',
        checks.map(({ requestId, tin }) => ({ kind: 'request', requestId, tin })),
      );
      const subject = requestIds.length === 1 ? (requestIds[0] as string) : randomUUID();
      await this.audit.append(manager, {
        actor: principal.subject,
        action: 'tax.tin-verification',
        subject,
        details: { to: country, requestIds },
      });
    });
    return requestIds;
  }

  /** Where checks stand, in the order asked. */
  async taxpayerChecks(ids: string[]): Promise<TaxpayerCheck[]> {
    const wanted = parseInput(checkIds, { requestIds: ids }).requestIds;
    const records = new Map(
      (await this.dataSource.getRepository(TaxRecordEntity).find({ where: { id: In(wanted), kind: 'tin-check' } })).map((r) => [r.id, r]),
    );
    return wanted.map((id) => {
      const record = records.get(id);
      if (!record) throw new BadInputError('unknown request', { detail: `requestIds: no check ${id}` });
      return checkOf(record);
    });
  }

  async taxpayerCheck(requestId: string): Promise<TaxpayerCheck> {
    const record = await this.dataSource.getRepository(TaxRecordEntity).findOne({ where: { id: requestId, kind: 'tin-check' } });
    if (!record) throw new BadInputError('unknown request', { detail: `requestId: no check ${requestId.slice(0, 36)}` });
    return checkOf(record);
  }

  private async checkPartner(country: string): Promise<void> {
    if (!this.federation.country(country) || country === this.config.countryCode || !(await this.partners.partner(country))) {
      throw new PartnerNotTrustedError(`${country} is not an active trusted partner`, { country });
    }
  }

  private async onCertificate(message: EnvelopePayload) {
    const body = parseMessageBody(certificateBody, message);
    const verdict = await this.verifier.verify(body.document);
    if (!verdict.valid || verdict.documentType !== 'tax-residence-certificate' || verdict.issuerCountry !== message.iss) {
      throw new EvidenceRefusedError('certificate does not verify', { reason: verdict.reason });
    }
    return async (manager: EntityManager) => {
      const now = new Date();
      await manager.getRepository(TaxRecordEntity).insert({
        id: verdict.jti as string,
        kind: 'residence-certificate',
        country: message.iss,
        subject: verdict.subject as string,
        status: 'recorded',
        detail: { taxYear: body.forYear, reason: verdict.reason, claims: verdict.claims ?? {}, jws: body.document },
        createdAt: now,
        updatedAt: now,
      });
    };
  }

  private async onTinVerification(message: EnvelopePayload) {
    const body = parseMessageBody(tinBody, message);
    return async (manager: EntityManager) => {
      if (body.kind === 'request') {
        const person = this.records.taxpayer(body.tin);
        // Only the two booleans leave the node: nothing else about the person.
        await this.messaging.enqueue(manager, message.iss, 'tax.tin-verification', {
          kind: 'answer',
          requestId: body.requestId,
          valid: person !== undefined,
          resident: person?.taxResidentYears.includes(new Date().getUTCFullYear()) ?? false,
        });
        return;
      }
      const record = await manager
        .getRepository(TaxRecordEntity)
        .findOne({ where: { id: body.requestId, kind: 'tin-check', country: message.iss } });
      if (!record) throw new MessageNotAcceptedError('unknown request', { reason: 'requestId' });
      await manager
        .getRepository(TaxRecordEntity)
        .update({ id: record.id }, { status: 'answered', detail: { valid: body.valid, resident: body.resident }, updatedAt: new Date() });
      return () => this.answerWaiters.get(body.requestId)?.();
    };
  }
}

function checkOf(record: TaxRecordEntity): TaxpayerCheck {
  const detail = record.detail as { valid?: boolean; resident?: boolean };
  return {
    requestId: record.id,
    country: record.country,
    status: record.status as TaxpayerCheck['status'],
    valid: detail.valid ?? null,
    resident: detail.resident ?? null,
  };
}

/** Resolves when `event` settles or after `ms`, whichever comes first, leaving no timer behind. */
function untilOrAfter(event: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([event, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
