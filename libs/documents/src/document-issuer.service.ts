import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '@ots/audit';
import { FEDERATION_LANGUAGES, NodeConfig, parseInput } from '@ots/config';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { signCompact } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { MetricsRecorder } from '@ots/monitoring';
import { insertEntities, takeNextInSequence } from '@ots/persistence';
import { DOC_TYPES, DOCUMENT_TYP, type DocType, type DocumentPayload } from './document-types.js';
import { DocumentAlreadyRevokedError, DocumentNotFoundError } from './documents.errors.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';
import { STATUS_LIST_CAPACITY, StatusListService } from './status-list.service.js';

const MAX_CLAIMS_BYTES = 32 * 1024;

export const issueDocumentCommand = z.object({
  docType: z.enum(DOC_TYPES),
  subject: z.string().regex(/^[A-Z]{2}:[A-Z0-9]{2,12}:[A-Za-z0-9._-]{1,64}$/, 'must be scheme-qualified, e.g. KZ:IIN:900101300123'),
  claims: z
    .record(z.string(), z.unknown())
    .refine((c) => Buffer.byteLength(JSON.stringify(c)) <= MAX_CLAIMS_BYTES, `must be at most ${MAX_CLAIMS_BYTES} bytes of JSON`),
  validDays: z.number().int().min(1).max(3650),
  lang: z.enum(FEDERATION_LANGUAGES),
});
export type IssueDocumentCommand = z.infer<typeof issueDocumentCommand>;

export interface IssuedDocument {
  jws: string;
  jti: string;
  expiresAt: Date;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Documents fill status list 1, then 2, ...: slot n is index n % capacity of list n / capacity + 1. */
const slotOf = (n: number): { listId: string; index: number } => ({
  listId: String(Math.floor(n / STATUS_LIST_CAPACITY) + 1),
  index: n % STATUS_LIST_CAPACITY,
});

/**
 * Issues this node's documents (docs/protocol section 4): a compact JWS by the
 * current signer key, with its certificate in `trust_chain`, and a slot in
 * a status list so the document can be revoked later.
 */
@Injectable()
export class DocumentIssuerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly statusLists: StatusListService,
    private readonly audit: AuditLogService,
    private readonly recorder: MetricsRecorder,
  ) {}

  async issue(input: unknown, principal: Principal): Promise<IssuedDocument> {
    const command = parseInput(issueDocumentCommand, input);
    return this.dataSource.transaction((manager) => this.issueIn(manager, command, principal.subject));
  }

  /** Issues inside the caller's transaction, so a business change and its document commit together. */
  async issueIn(manager: EntityManager, command: IssueDocumentCommand, issuedBy: string): Promise<IssuedDocument> {
    const [issued] = await this.issueManyIn(manager, [command], issuedBy);
    return issued as IssuedDocument;
  }

  /** Issues several documents inside the caller's transaction: consecutive status slots, one INSERT, one audit append. */
  async issueManyIn(manager: EntityManager, commands: readonly IssueDocumentCommand[], issuedBy: string): Promise<IssuedDocument[]> {
    if (commands.length === 0) return [];
    const firstSlot = await takeNextInSequence(manager, 'status-slot', commands.length);
    const iat = nowSeconds();
    const signer = this.keys.currentSigner();
    const rows: IssuedDocumentEntity[] = [];
    const issued: IssuedDocument[] = [];
    for (const [i, command] of commands.entries()) {
      const slot = slotOf(firstSlot + i);
      const exp = iat + command.validDays * 86400;
      const jti = randomUUID();
      const payload: DocumentPayload = {
        iss: this.config.countryCode,
        sub: command.subject,
        jti,
        iat,
        nbf: iat,
        exp,
        doc_type: command.docType as DocType,
        lang: command.lang,
        claims: command.claims,
        status: { status_list: { idx: slot.index, uri: this.statusLists.uriOf(slot.listId) } },
      };
      const jws = await signCompact(
        { ...payload },
        { typ: DOCUMENT_TYP, kid: signer.kid, trust_chain: [signer.certificate] },
        signer.privateJwk,
      );
      rows.push({
        jti,
        docType: command.docType,
        subject: command.subject,
        lang: command.lang,
        statusListId: slot.listId,
        statusIndex: slot.index,
        issuedBy,
        issuedAt: new Date(iat * 1000),
        expiresAt: new Date(exp * 1000),
        revokedAt: null,
        revocationReason: null,
      });
      issued.push({ jws, jti, expiresAt: new Date(exp * 1000) });
    }
    await insertEntities(manager, IssuedDocumentEntity, rows);
    for (const row of rows) this.recorder.documentIssued(row.docType);
    await this.audit.appendMany(
      manager,
      rows.map((row) => ({
        actor: issuedBy,
        action: 'document.issue',
        subject: row.jti,
        details: { docType: row.docType, subject: row.subject },
      })),
    );
    return issued;
  }

  /** Sets the document's status bit; partners see DOCUMENT_REVOKED once their cached list expires. */
  async revoke(jti: string, reason: string, principal: Principal): Promise<IssuedDocumentEntity> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > 200)
      throw new BadInputError('reason must be 1-200 characters', { detail: 'reason: must be 1-200 characters' });
    const revoked = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(IssuedDocumentEntity);
      const document = await repository.findOne({ where: { jti } });
      if (!document) throw new DocumentNotFoundError(`no document ${jti}`, { jti: jti.slice(0, 64) });
      if (document.revokedAt) throw new DocumentAlreadyRevokedError(`document ${jti} is already revoked`, { jti });
      document.revokedAt = new Date();
      document.revocationReason = trimmed;
      await repository.save(document);
      await this.audit.append(manager, { actor: principal.subject, action: 'document.revoke', subject: jti, details: { reason: trimmed } });
      return document;
    });
    this.statusLists.invalidate(revoked.statusListId);
    return revoked;
  }
}
