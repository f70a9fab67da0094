import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { DocumentIssuerService, type DocType } from '@ots/documents';
import type { Principal } from '@ots/identity';
import { insertEntities } from '@ots/persistence';
import { CitizenDocumentEntity, type ApplicationEntity } from './application.entities.js';
import { ConsentInvalidError, UnknownPersonError } from './applications.errors.js';
import { CITIZEN_RECORDS, CitizenRecords, evidenceClaims, type PersonRecord } from './citizen-records.js';

/** How long evidence issued for a case stays valid. */
const EVIDENCE_VALID_DAYS = 90;

export type AttachedDocument = ApplicationEntity['documents'][number];

/**
 * The home node's evidence about its own people: who a citizen is in the
 * records, what a document about them would say, and issuing it (filed
 * among the citizen's own documents in the same transaction).
 */
@Injectable()
export class CitizenEvidence {
  constructor(
    @Inject(CITIZEN_RECORDS) private readonly records: CitizenRecords,
    private readonly issuer: DocumentIssuerService,
    private readonly config: NodeConfig,
  ) {}

  /** The record of the signed-in citizen, or UNKNOWN_PERSON. */
  personOf(principal: Principal): PersonRecord {
    const person = this.records.person(principal.subject);
    if (!person) throw new UnknownPersonError(`no record of ${principal.subject}`, { subject: principal.subject.slice(0, 96) });
    return person;
  }

  person(subject: string): PersonRecord | undefined {
    return this.records.person(subject);
  }

  /** Exactly the claims a document of `docType` about `person` would carry, or undefined when the records cannot say. */
  claims(docType: string, person: PersonRecord): Record<string, unknown> | undefined {
    return evidenceClaims(docType, person, this.config.countryCode);
  }

  /** Issues the evidence from the records and files each document among the citizen's own. */
  async issue(
    manager: EntityManager,
    docTypes: readonly string[],
    person: PersonRecord,
    applicationId: string,
  ): Promise<AttachedDocument[]> {
    const commands = docTypes.map((docType) => {
      const claims = this.claims(docType, person);
      if (!claims) throw new ConsentInvalidError(`cannot issue ${docType}`, { detail: `this node cannot issue ${docType}` });
      return {
        docType: docType as DocType,
        subject: person.subject,
        claims,
        validDays: EVIDENCE_VALID_DAYS,
        lang: this.config.defaultLanguage,
      };
    });
    const issued = await this.issuer.issueManyIn(manager, commands, `node:${this.config.countryCode}`);
    const receivedAt = new Date();
    const filed = issued.map((document, i) => ({
      jti: document.jti,
      holder: person.subject,
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
