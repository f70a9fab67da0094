import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { CaseEventPublisher } from '@ots/case-events';
import { parseInput } from '@ots/config';
import { BadInputError } from '@ots/errors';
import type { Principal } from '@ots/identity';
import { MessageNotAcceptedError, MessagingService, type AfterCommit } from '@ots/messaging';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import { insertEntities, keysetFind, keysetKey } from '@ots/persistence';
import { TAX_RECORD_KEY, TaxRecordEntity } from './application.entities.js';
import { DataUsageLedger, NATIONAL_REGISTERS, Purpose, type NationalRegisters } from '@ots/registers';
import { taxpayerCheckAnsweredEvent } from './case-events.js';
import { deferOnRegisterFailure } from './register-failures.js';
import { checkFilter, checkId, taxpayerBatch, taxpayerQuery, type TaxpayerAnswer, type TaxpayerQuestion } from './tax.commands.js';
import { TreatyPartners } from './treaty-partners.js';

const ANSWER_WAIT_MS = 8_000;
/** The answer normally wakes the waiting request at once; it may land at another replica on the same database instead. */
const REPLICA_POLL_MS = 250;

export const TAXPAYER_CHECK_STATUSES = ['pending', 'answered'] as const;

export interface TaxpayerCheck {
  requestId: string;
  country: string;
  status: (typeof TAXPAYER_CHECK_STATUSES)[number];
  valid: boolean | null;
  resident: boolean | null;
}

/**
 * The taxpayer-number check (docs/protocol section 7) at both ends: this node's
 * officers ask a partner about numbers, one message each, and read where
 * the checks stand; a partner's question is answered from the records with
 * only `{valid, resident}`.
 */
@Injectable()
export class TaxpayerCheckService {
  private readonly answerWaiters = new Map<string, () => void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NATIONAL_REGISTERS) private readonly registers: NationalRegisters,
    private readonly messaging: MessagingService,
    private readonly treatyPartners: TreatyPartners,
    private readonly audit: AuditLogService,
    private readonly events: CaseEventPublisher,
    private readonly ledger: DataUsageLedger,
  ) {}

  /** Asks `country` whether `tin` is a valid, resident taxpayer; waits a few seconds for the answer. */
  async verifyTaxpayer(input: unknown, principal: Principal, traceparent?: string): Promise<TaxpayerCheck> {
    const { country, tin } = parseInput(taxpayerQuery, input);
    await this.treatyPartners.requireActive(country);
    const [requestId] = (await this.askPartner(country, [tin], principal, traceparent)) as [string];
    const deadline = Date.now() + ANSWER_WAIT_MS;
    const answered = new Promise<void>((resolve) => this.answerWaiters.set(requestId, resolve));
    try {
      for (;;) {
        const check = await this.check({ requestId });
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
   * arrive; `checks` reads where they stand.
   */
  async verifyTaxpayers(input: unknown, principal: Principal, traceparent?: string): Promise<TaxpayerCheck[]> {
    const { country, tins } = parseInput(taxpayerBatch, input);
    await this.treatyPartners.requireActive(country);
    const requestIds = await this.askPartner(country, tins, principal, traceparent);
    return requestIds.map((requestId) => ({ requestId, country, status: 'pending', valid: null, resident: null }));
  }

  /** Where checks stand, newest first, one page; the filter narrows to some request ids, a partner, a status. */
  async checks(filter: unknown, paging: ConnectionArgs): Promise<Connection<TaxpayerCheck>> {
    const { requestIds, country, status } = parseInput(checkFilter, filter);
    const request = pageRequest('taxpayer-check', paging, RECORD_PAGES, TAX_RECORD_KEY.length);
    const where: FindOptionsWhere<TaxRecordEntity> = {
      kind: 'tin-check',
      ...(requestIds ? { id: In(requestIds) } : {}),
      ...(country ? { country } : {}),
      ...(status ? { status } : {}),
    };
    const rows = await keysetFind(this.dataSource.getRepository(TaxRecordEntity), where, TAX_RECORD_KEY, request);
    const page = connectionFrom('taxpayer-check', request, rows, (row) => keysetKey(row, TAX_RECORD_KEY));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: checkOf(e.node) })) };
  }

  async check(input: unknown): Promise<TaxpayerCheck> {
    const { requestId } = parseInput(checkId, input);
    const record = await this.dataSource.getRepository(TaxRecordEntity).findOne({ where: { id: requestId, kind: 'tin-check' } });
    if (!record) throw new BadInputError('unknown request', { detail: `requestId: no check ${requestId.slice(0, 36)}` });
    return checkOf(record);
  }

  /**
   * A partner asks about a number: answered from the tax register with the two booleans and nothing else about the
   * person; the reads and the answer are written to the person's data usage. Registers that cannot answer defer
   * the question (MESSAGE_DEFERRED): the partner asks again later.
   */
  async answer(question: TaxpayerQuestion): Promise<(manager: EntityManager) => Promise<void>> {
    const purpose = Purpose.forTaxpayerCheck(question);
    const year = new Date().getUTCFullYear();
    const { taxpayer, residence } = await deferOnRegisterFailure(async () => {
      const taxpayer = await this.registers.taxpayer(question.tin, purpose);
      return { taxpayer, residence: taxpayer && (await this.registers.taxResidence(taxpayer.personId, year, purpose)) };
    });
    return async (manager: EntityManager) => {
      await this.messaging.enqueue(manager, question.partner, 'tax.tin-verification', {
        kind: 'answer',
        requestId: question.requestId,
        valid: taxpayer !== undefined,
        resident: residence?.resident ?? false,
      });
      await this.ledger.record(
        manager,
        purpose,
        taxpayer
          ? [{ subject: taxpayer.personId, partner: question.partner, docTypes: [], categories: ['taxpayer', 'tax-residence'] }]
          : [],
      );
    };
  }

  /** The partner answered one of this node's checks; whoever waits for it is woken once it is committed. */
  recordAnswer(answer: TaxpayerAnswer): Promise<(manager: EntityManager) => Promise<AfterCommit>> {
    return Promise.resolve(async (manager: EntityManager) => {
      const record = await manager
        .getRepository(TaxRecordEntity)
        .findOne({ where: { id: answer.requestId, kind: 'tin-check', country: answer.partner } });
      if (!record) throw new MessageNotAcceptedError('unknown request', { reason: 'requestId' });
      await manager
        .getRepository(TaxRecordEntity)
        .update(
          { id: record.id },
          { status: 'answered', detail: { valid: answer.valid, resident: answer.resident }, updatedAt: new Date() },
        );
      await this.events.publish(
        manager,
        taxpayerCheckAnsweredEvent({ requestId: record.id, country: answer.partner, valid: answer.valid, resident: answer.resident }),
      );
      return () => this.answerWaiters.get(answer.requestId)?.();
    });
  }

  /**
   * One pending check and one request message per number, in one
   * transaction with one audit entry (the check's id, or a batch id for a
   * list); returns the checks' ids in the order of `tins`.
   */
  private async askPartner(country: string, tins: string[], principal: Principal, traceparent?: string): Promise<string[]> {
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
    }, traceparent);
    return requestIds;
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
