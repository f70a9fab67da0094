import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { CaseEventPublisher } from '@ots/case-events';
import { NodeConfig, parseInput } from '@ots/config';
import { DocumentIssuerService, DocumentVerificationService, type IssuedDocument } from '@ots/documents';
import type { Principal } from '@ots/identity';
import { MessagingService } from '@ots/messaging';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import { keysetFind, keysetKey } from '@ots/persistence';
import { CitizenDocumentEntity, TAX_RECORD_KEY, TaxRecordEntity } from './application.entities.js';
import { EvidenceRefusedError, NotResidentError, UnknownPersonError } from './applications.errors.js';
import { DataUsageLedger, NATIONAL_REGISTERS, Purpose, type NationalRegisters } from '@ots/registers';
import { taxCertificateReceivedEvent } from './case-events.js';
import { categoriesOf } from './citizen-records.js';
import { taxCertificateCommand, type ReceivedCertificate } from './tax.commands.js';
import { TreatyPartners } from './treaty-partners.js';

const CERTIFICATE_VALID_DAYS = 365;

/**
 * The proactive tax residence certificate (docs/protocol section 7): issued
 * from the home node's records with no officer and delivered to the treaty
 * partner, which keeps the certificates it received for treaty relief.
 */
@Injectable()
export class TaxCertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NATIONAL_REGISTERS) private readonly registers: NationalRegisters,
    private readonly messaging: MessagingService,
    private readonly treatyPartners: TreatyPartners,
    private readonly issuer: DocumentIssuerService,
    private readonly verifier: DocumentVerificationService,
    private readonly config: NodeConfig,
    private readonly audit: AuditLogService,
    private readonly events: CaseEventPublisher,
    private readonly ledger: DataUsageLedger,
  ) {}

  async request(input: unknown, principal: Principal): Promise<IssuedDocument> {
    const { year, forCountry } = parseInput(taxCertificateCommand, input);
    await this.treatyPartners.requireActive(forCountry);
    const purpose = Purpose.forConsent(principal, 'tax-certificate', forCountry);
    const person = await this.registers.person(principal.subject, purpose);
    if (!person) throw new UnknownPersonError(`no record of ${principal.subject}`, { subject: principal.subject.slice(0, 96) });
    const residence = await this.registers.taxResidence(person.personId, year, purpose);
    if (!residence?.resident) {
      // The reads happened though nothing is issued: the person sees them too.
      await this.ledger.recordAlone(purpose);
      throw new NotResidentError('not resident', { subject: person.personId, country: this.config.countryCode, year });
    }
    const docTypes = ['tax-residence-certificate'];
    return this.messaging.transaction(async (manager) => {
      await this.ledger.record(manager, purpose, [
        { subject: person.personId, partner: forCountry, docTypes, categories: categoriesOf(docTypes) },
      ]);
      const document = await this.issuer.issueIn(
        manager,
        {
          docType: 'tax-residence-certificate',
          subject: person.personId,
          claims: {
            givenName: person.givenName,
            familyName: person.familyName,
            tin: residence.tin,
            taxYear: year,
            resident: true,
            residentOf: this.config.countryCode,
            issuedFor: forCountry,
          },
          validDays: CERTIFICATE_VALID_DAYS,
          lang: this.config.defaultLanguage,
        },
        `node:${this.config.countryCode}`,
      );
      await manager.getRepository(CitizenDocumentEntity).insert({
        jti: document.jti,
        holder: person.personId,
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
  }

  /** Certificates received from partners for treaty relief (officers of this country). */
  /** Certificates partners delivered, newest first, one page. */
  async received(paging: ConnectionArgs): Promise<Connection<TaxRecordEntity>> {
    const request = pageRequest('tax-certificate', paging, RECORD_PAGES, TAX_RECORD_KEY.length);
    const rows = await keysetFind(
      this.dataSource.getRepository(TaxRecordEntity),
      { kind: 'residence-certificate' },
      TAX_RECORD_KEY,
      request,
    );
    return connectionFrom('tax-certificate', request, rows, (row) => keysetKey(row, TAX_RECORD_KEY));
  }

  /** A partner delivers a certificate: kept only if it verifies as a tax residence certificate that partner issued. */
  async receive(command: ReceivedCertificate): Promise<(manager: EntityManager) => Promise<void>> {
    const verdict = await this.verifier.verify(command.document);
    if (!verdict.valid || verdict.documentType !== 'tax-residence-certificate' || verdict.issuerCountry !== command.partner) {
      throw new EvidenceRefusedError('certificate does not verify', { reason: verdict.reason });
    }
    return async (manager) => {
      const now = new Date();
      await manager.getRepository(TaxRecordEntity).insert({
        id: verdict.jti as string,
        kind: 'residence-certificate',
        country: command.partner,
        subject: verdict.subject as string,
        status: 'recorded',
        detail: { taxYear: command.forYear, reason: verdict.reason, claims: verdict.claims ?? {}, jws: command.document },
        createdAt: now,
        updatedAt: now,
      });
      await this.events.publish(
        manager,
        taxCertificateReceivedEvent({
          jti: verdict.jti as string,
          issuerCountry: command.partner,
          subject: verdict.subject as string,
          taxYear: command.forYear,
        }),
      );
    };
  }
}
