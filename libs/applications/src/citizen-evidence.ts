import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { DocumentIssuerService, type DocType } from '@ots/documents';
import { insertEntities } from '@ots/persistence';
import { NATIONAL_REGISTERS, type NationalRegisters, type PersonAnswer, type Purpose } from '@ots/registers';
import { CitizenDocumentEntity, type ApplicationEntity } from './application.entities.js';
import { ConsentInvalidError, UnknownPersonError } from './applications.errors.js';
import { evidenceClaims, type EvidenceFacts } from './citizen-records.js';

/** How long evidence issued for a case stays valid. */
const EVIDENCE_VALID_DAYS = 90;

export type AttachedDocument = ApplicationEntity['documents'][number];

/**
 * The home node's evidence about its own people: who a citizen is in the registers, what a document about them
 * would say, and issuing it (filed among the citizen's own documents in the same transaction). Every read goes
 * through the registers port under the purpose the caller holds.
 */
@Injectable()
export class CitizenEvidence {
  constructor(
    @Inject(NATIONAL_REGISTERS) private readonly registers: NationalRegisters,
    private readonly issuer: DocumentIssuerService,
    private readonly config: NodeConfig,
  ) {}

  /** The person, or UNKNOWN_PERSON. */
  async personOf(subject: string, purpose: Purpose): Promise<PersonAnswer> {
    const person = await this.registers.person(subject, purpose);
    if (!person) throw new UnknownPersonError(`no record of ${subject}`, { subject: subject.slice(0, 96) });
    return person;
  }

  /** The person (`known`, or read now) and exactly the register data the documents of `docTypes` carry (nothing more is read). */
  async facts(subject: string, docTypes: readonly string[], purpose: Purpose, known?: PersonAnswer): Promise<EvidenceFacts> {
    const person = known ?? (await this.personOf(subject, purpose));
    const [criminalRecord, income] = await Promise.all([
      docTypes.includes('criminal-record-certificate') ? this.registers.criminalRecord(subject, purpose) : undefined,
      docTypes.includes('income-statement') ? this.registers.income(subject, purpose) : undefined,
    ]);
    return { person, criminalRecord, income };
  }

  /** Exactly the claims a document of `docType` would carry, or undefined when the registers cannot say. */
  claims(docType: string, facts: EvidenceFacts): Record<string, unknown> | undefined {
    return evidenceClaims(docType, facts, this.config.countryCode);
  }

  /** Issues the evidence from the registers' answers and files each document among the citizen's own. */
  async issue(
    manager: EntityManager,
    docTypes: readonly string[],
    facts: EvidenceFacts,
    applicationId: string,
  ): Promise<AttachedDocument[]> {
    const subject = facts.person.personId;
    const commands = docTypes.map((docType) => {
      const claims = this.claims(docType, facts);
      if (!claims) throw new ConsentInvalidError(`cannot issue ${docType}`, { detail: `the registers hold no record for ${docType}` });
      return { docType: docType as DocType, subject, claims, validDays: EVIDENCE_VALID_DAYS, lang: this.config.defaultLanguage };
    });
    const issued = await this.issuer.issueManyIn(manager, commands, `node:${this.config.countryCode}`);
    const receivedAt = new Date();
    const filed = issued.map((document, i) => ({
      jti: document.jti,
      holder: subject,
      docType: docTypes[i],
      issuer: this.config.countryCode,
      jws: document.jws,
      applicationId,
      receivedAt,
    }));
    await insertEntities(manager, CitizenDocumentEntity, filed);
    return filed.map(({ docType, jti, jws }) => ({ docType, jti, jws, reason: 'OK' }));
  }
}
