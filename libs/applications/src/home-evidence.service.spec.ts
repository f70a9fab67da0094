import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeEvidenceService } from './home-evidence.service.js';
import {
  applyFromKzToTr,
  caseAt,
  CASE_TABLES,
  evidenceRequestsAt,
  KZ_CITIZEN,
  OTHER_KZ_CITIZEN,
  TR_OFFICER,
} from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

/** Evidence requests at the KZ home node, asked by the real TR node, over real SQLite databases. */
describe('evidence requests at the home node', () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let tr: InProcessNode;
  let evidence: HomeEvidenceService;
  const citizen = (subject = KZ_CITIZEN) => kz.principal(subject, 'citizen');

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    [kz, tr] = [federation.node('KZ'), federation.node('TR')];
    evidence = kz.get(HomeEvidenceService);
  });
  afterAll(async () => federation?.stop());

  /** An application under review at both ends, for which TR asks KZ for `docType`. */
  const requested = async (docType: string, consent: string[] = []) => {
    const application = await applyFromKzToTr(kz, tr, consent);
    await tr.get(DestinationCaseService).requestEvidence({ caseId: application.id, docType }, tr.principal(TR_OFFICER, 'officer'));
    await tr.relayTo(kz, 'evidence.request', (body) => body.applicationId === application.id);
    const [request] = await evidenceRequestsAt(kz, application.id);
    return { application, request: request };
  };
  const responses = async (applicationId: string) =>
    (await kz.outbox('evidence.response')).filter((m) => m.body.applicationId === applicationId);

  it('answers a request within the recorded consent at once, and the case can still be decided', async () => {
    const { application, request } = await requested('income-statement', ['income-statement']);
    expect(request).toMatchObject({ role: 'home', status: 'auto-answered', docType: 'income-statement' });
    const [response] = await responses(application.id);
    expect(response).toMatchObject({ recipient: 'TR', body: { requestId: request.id, outcome: 'provided' } });
    expect(typeof response?.body.document).toBe('string');
    expect(await evidence.pendingEvidenceRequests(citizen())).not.toContainEqual(expect.objectContaining({ id: request.id }));
    const atHome = await caseAt(kz, application.id);
    expect(atHome.timeline.map((e) => [e.status, e.note])).toEqual([
      ['submitted', undefined],
      ['under-review', 'documents verified'],
      ['evidence-requested', 'income-statement'],
      ['under-review', 'income-statement sent'],
    ]);

    await kz.relayTo(tr, 'evidence.response', (body) => body.applicationId === application.id);
    await tr
      .get(DestinationCaseService)
      .decide({ id: application.id, decision: 'approve', reason: 'Evidence complete' }, tr.principal(TR_OFFICER, 'officer'));
    await tr.relayTo(kz, 'application.decision', (body) => body.applicationId === application.id);
    expect((await caseAt(kz, application.id)).status).toBe('approved');
  });

  it('keeps a request outside the consent for the citizen, with a preview of exactly what would be sent', async () => {
    const { application, request } = await requested('income-statement');
    expect(request.status).toBe('pending');
    expect(await responses(application.id)).toEqual([]);
    expect((await caseAt(kz, application.id)).status).toBe('evidence-requested');
    const pending = (await evidence.pendingEvidenceRequests(citizen())).find((r) => r.id === request.id);
    expect(await evidence.previewEvidence(pending as typeof request, citizen())).toMatchObject({ givenName: 'Aigerim', currency: 'KZT' });
    expect(await evidence.pendingEvidenceRequests(citizen(OTHER_KZ_CITIZEN))).toEqual([]);
  });

  it('sends the document the citizen approves, audited, and refuses a second answer with no write', async () => {
    const { application, request } = await requested('criminal-record-certificate');
    await expect(evidence.answerEvidenceRequest({ requestId: request.id, approve: true }, citizen(OTHER_KZ_CITIZEN))).rejects.toMatchObject(
      {
        code: 'EVIDENCE_REQUEST_NOT_FOUND',
      },
    );
    const answered = await evidence.answerEvidenceRequest({ requestId: request.id, approve: true }, citizen());
    expect(answered).toMatchObject({ status: 'approved' });
    const [response] = await responses(application.id);
    expect(response?.body).toMatchObject({ docType: 'criminal-record-certificate', outcome: 'provided' });
    expect((await caseAt(kz, application.id)).documents.map((d) => d.docType)).toEqual([
      'identity-attestation',
      'criminal-record-certificate',
    ]);
    expect((await kz.audit('evidence.approve')).at(-1)).toMatchObject({ actor: KZ_CITIZEN, subject: request.id });

    const before = await kz.counts(CASE_TABLES);
    await expect(evidence.answerEvidenceRequest({ requestId: request.id, approve: false }, citizen())).rejects.toMatchObject({
      code: 'EVIDENCE_REQUEST_NOT_FOUND',
    });
    await expect(evidence.answerEvidenceRequest({ requestId: request.id, approve: 'yes' }, citizen())).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    expect(await kz.counts(CASE_TABLES)).toEqual(before);
  });

  it('sends a refusal when the citizen says no, and the destination reviews the case again', async () => {
    const { application, request } = await requested('income-statement');
    await evidence.answerEvidenceRequest({ requestId: request.id, approve: false }, citizen());
    const [response] = await responses(application.id);
    expect(response?.body).toEqual({
      applicationId: application.id,
      requestId: request.id,
      docType: 'income-statement',
      outcome: 'refused',
    });
    expect((await caseAt(kz, application.id)).timeline.at(-1)).toMatchObject({
      status: 'under-review',
      note: 'income-statement refused by the applicant',
    });
    await kz.relayTo(tr, 'evidence.response', (body) => body.applicationId === application.id);
    expect((await caseAt(tr, application.id)).timeline.at(-1)).toMatchObject({
      status: 'under-review',
      note: 'income-statement not provided',
    });
  });

  it('refuses to answer with a document the records cannot issue, leaving the request pending and nothing written', async () => {
    const { application, request } = await requested('residence-permit');
    expect(request.status).toBe('pending');
    const before = await kz.counts(CASE_TABLES);
    await expect(evidence.answerEvidenceRequest({ requestId: request.id, approve: true }, citizen())).rejects.toMatchObject({
      code: 'CONSENT_INVALID',
    });
    expect(await kz.counts(CASE_TABLES)).toEqual(before);
    expect((await evidenceRequestsAt(kz, application.id))[0]?.status).toBe('pending');
    expect((await caseAt(kz, application.id)).status).toBe('evidence-requested');
  });

  it('refuses a request for a case the sender is not the destination of', async () => {
    const before = await kz.counts(CASE_TABLES);
    const body = { applicationId: randomUUID(), requestId: randomUUID(), docType: 'income-statement' };
    await expect(kz.receiveFrom(tr, 'evidence.request', body)).rejects.toMatchObject({ params: { reason: 'APPLICATION_NOT_FOUND' } });
    expect(await kz.counts(CASE_TABLES)).toEqual({ ...before, audit_entry: (before.audit_entry ?? 0) + 1 });
  });
});
