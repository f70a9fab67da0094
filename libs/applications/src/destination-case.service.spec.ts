import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionArgs } from '@ots/graphql-api';
import { MessageNotAcceptedError } from '@ots/messaging';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeApplicationService } from './home-application.service.js';
import { applyFromKzToTr, caseAt, CASE_TABLES, evidenceRequestsAt, KZ_CITIZEN, TR_OFFICER, WORK_FORM } from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

/** The officers' side at TR, over real SQLite databases, with KZ as the real home node. */
describe('the destination side of a residence-permit case', () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let tr: InProcessNode;
  let cases: DestinationCaseService;
  const officer = () => tr.principal(TR_OFFICER, 'officer');

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    [kz, tr] = [federation.node('KZ'), federation.node('TR')];
    cases = tr.get(DestinationCaseService);
  });
  afterAll(async () => federation?.stop());

  /** What the KZ node sends for a fresh application, before it is delivered. */
  const submission = async () => {
    const application = await kz
      .get(HomeApplicationService)
      .applyAbroad({ country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }, kz.principal(KZ_CITIZEN, 'citizen'));
    const [message] = (await kz.outbox('application.submit')).filter((m) => m.body.applicationId === application.id);
    return message?.body;
  };

  it('opens a case for a verified submission, under review, and tells the home node', async () => {
    const body = await submission();
    await tr.receiveFrom(kz, 'application.submit', body);
    const opened = await caseAt(tr, body.applicationId as string);
    expect(opened).toMatchObject({
      role: 'destination',
      status: 'under-review',
      homeCountry: 'KZ',
      destination: 'TR',
      applicant: KZ_CITIZEN,
    });
    expect(opened.timeline.map((e) => [e.status, e.note])).toEqual([
      ['submitted', undefined],
      ['under-review', 'documents verified'],
    ]);
    expect(opened.documents.map((d) => [d.docType, d.reason])).toEqual([['identity-attestation', 'OK']]);
    const [status] = (await tr.outbox('application.status')).filter((m) => m.body.applicationId === opened.id);
    expect(status).toMatchObject({ recipient: 'KZ', status: 'pending', body: { status: 'under-review', note: 'documents verified' } });
    expect((await tr.audit('message.received')).at(-1)?.details).toContain('application.submit');
  });

  it('refuses a submission it cannot verify or serve, and writes nothing but the refusal in the audit log', async () => {
    const body = await submission();
    const refusals = [
      [{ ...body, applicant: 'KZ:IIN:850515400234' }, 'EVIDENCE_NOT_VERIFIED'],
      [{ ...body, serviceCode: 'TR-NO-SUCH' }, 'SERVICE_NOT_OPEN'],
      [{ ...body, form: { ...WORK_FORM, intendedStayMonths: 99 } }, 'FORM_INVALID'],
      [{ ...body, documents: ['not.a.document'] }, 'EVIDENCE_NOT_VERIFIED'],
      [{ ...body, applicant: 'TR:TCKN:10000000146' }, 'MESSAGE_NOT_ACCEPTED'],
      [{ ...body, applicationId: 'not-a-uuid' }, 'MESSAGE_NOT_ACCEPTED'],
    ] as const;
    for (const [refused, reason] of refusals) {
      const before = await tr.counts(CASE_TABLES);
      const failure = await tr.receiveFrom(kz, 'application.submit', refused).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(MessageNotAcceptedError);
      if (reason !== 'MESSAGE_NOT_ACCEPTED') expect((failure as MessageNotAcceptedError).params.reason).toBe(reason);
      expect(await tr.counts(CASE_TABLES)).toEqual({ ...before, audit_entry: before.audit_entry + 1 });
      expect((await tr.audit()).at(-1)).toMatchObject({ action: 'message.not-accepted', actor: 'partner:KZ' });
    }
  });

  it('requests evidence of the home node, and refuses a bad document type or an unknown case with no write', async () => {
    const application = await applyFromKzToTr(kz, tr);
    for (const [input, code] of [
      [{ caseId: application.id, docType: 'passport' }, 'BAD_INPUT'],
      [{ caseId: randomUUID(), docType: 'income-statement' }, 'APPLICATION_NOT_FOUND'],
    ] as const) {
      const before = await tr.counts(CASE_TABLES);
      await expect(cases.requestEvidence(input, officer())).rejects.toMatchObject({ code });
      expect(await tr.counts(CASE_TABLES)).toEqual(before);
    }

    const requested = await cases.requestEvidence({ caseId: application.id, docType: 'income-statement' }, officer());
    expect(requested.status).toBe('evidence-requested');
    const [request] = await evidenceRequestsAt(tr, application.id);
    expect(request).toMatchObject({ role: 'destination', status: 'pending', docType: 'income-statement', applicant: KZ_CITIZEN });
    const [message] = (await tr.outbox('evidence.request')).filter((m) => m.body.applicationId === application.id);
    expect(message).toMatchObject({ recipient: 'KZ', body: { requestId: request?.id, docType: 'income-statement' } });
    expect((await tr.audit('application.evidence-requested')).at(-1)).toMatchObject({ actor: TR_OFFICER, subject: application.id });
    await expect(cases.requestEvidence({ caseId: application.id, docType: 'income-statement' }, officer())).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('takes a provided document that verifies back to review, and refuses an answer to no request', async () => {
    const application = await applyFromKzToTr(kz, tr, ['income-statement']);
    await cases.requestEvidence({ caseId: application.id, docType: 'income-statement' }, officer());
    const before = await tr.counts(CASE_TABLES);
    const unknown = { applicationId: application.id, requestId: randomUUID(), docType: 'income-statement', outcome: 'refused' };
    await expect(tr.receiveFrom(kz, 'evidence.response', unknown)).rejects.toMatchObject({
      params: { reason: 'EVIDENCE_REQUEST_NOT_FOUND' },
    });
    expect(await tr.counts(CASE_TABLES)).toEqual({ ...before, audit_entry: before.audit_entry + 1 });

    // KZ answers within the consent at once; its answer carries the document.
    await tr.relayTo(kz, 'evidence.request', (body) => body.applicationId === application.id);
    await kz.relayTo(tr, 'evidence.response', (body) => body.applicationId === application.id);
    const reviewed = await caseAt(tr, application.id);
    expect(reviewed.status).toBe('under-review');
    expect(reviewed.timeline.at(-1)?.note).toBe('income-statement received and verified');
    // The consented income statement went with the application too; the answer adds the fresh one.
    expect(reviewed.documents.map((d) => d.docType)).toEqual(['identity-attestation', 'income-statement', 'income-statement']);
    expect((await evidenceRequestsAt(tr, application.id))[0]?.status).toBe('answered');
  });

  it('decides: an approval issues the permit sent back with the decision; a second decision is refused with no write', async () => {
    const application = await applyFromKzToTr(kz, tr);
    const before = await tr.counts(CASE_TABLES);
    await expect(cases.decide({ id: application.id, decision: 'approve', reason: '   ' }, officer())).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(cases.decide({ id: randomUUID(), decision: 'approve', reason: 'ok' }, officer())).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    expect(await tr.counts(CASE_TABLES)).toEqual(before);

    const approved = await cases.decide({ id: application.id, decision: 'approve', reason: '  Evidence complete ' }, officer());
    expect(approved).toMatchObject({ status: 'approved', decisionReason: 'Evidence complete', decidedBy: TR_OFFICER });
    const after = await tr.counts(CASE_TABLES);
    expect([after.issued_document, after.outbox_message, after.application]).toEqual([
      (before.issued_document ?? 0) + 1,
      (before.outbox_message ?? 0) + 1,
      before.application,
    ]);
    const [decision] = (await tr.outbox('application.decision')).filter((m) => m.body.applicationId === application.id);
    expect(decision).toMatchObject({ recipient: 'KZ', body: { decision: 'approved', reason: 'Evidence complete' } });
    expect(typeof decision?.body.document).toBe('string');
    expect((await tr.audit('application.approved')).at(-1)).toMatchObject({ actor: TR_OFFICER, subject: application.id });

    await expect(cases.decide({ id: application.id, decision: 'reject', reason: 'changed my mind' }, officer())).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      params: { from: 'approved', to: 'rejected' },
    });
    expect(await tr.counts(CASE_TABLES)).toEqual(after);
    expect((await caseAt(tr, application.id)).status).toBe('approved');
  });

  it('lists its cases by status, newest first, a page at a time, and refuses a bad page, cursor or status', async () => {
    const nodes = async (filter: Record<string, unknown>, paging: ConnectionArgs) =>
      (await cases.list(filter, paging)).edges.map((e) => e.node);
    const all = await nodes({}, { first: 100 });
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((c) => c.role === 'destination')).toBe(true);
    expect(all.map((c) => c.createdAt.getTime())).toEqual([...all.map((c) => c.createdAt.getTime())].sort((a, b) => b - a));
    const reviewed = await nodes({ status: 'under-review' }, { first: 100 });
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.map((c) => c.id)).toEqual(all.filter((c) => c.status === 'under-review').map((c) => c.id));
    const first = await cases.list({}, { first: 1 });
    const second = await cases.list({}, { first: 1, after: first.pageInfo.endCursor });
    expect([first.edges[0]?.node.id, second.edges[0]?.node.id]).toEqual([all[0]?.id, all[1]?.id]);
    const oldest = await cases.list({}, { last: 1 });
    expect(oldest.edges.map((e) => e.node.id)).toEqual([all.at(-1)?.id]);
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    for (const [filter, paging, code] of [
      [{}, { first: 0 }, 'PAGE_TOO_LARGE'],
      [{}, { first: 101 }, 'PAGE_TOO_LARGE'],
      [{ status: 'lost' }, { first: 5 }, 'BAD_INPUT'],
      [{}, { first: 5, after: 'no-such-case' }, 'BAD_CURSOR'],
    ] as const)
      await expect(cases.list(filter, paging)).rejects.toMatchObject({ code });
  });
});
