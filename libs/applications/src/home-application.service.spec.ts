import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDocumentEntity } from './application.entities.js';
import { ApplicationNotFoundError } from './applications.errors.js';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeApplicationService } from './home-application.service.js';
import { ResidencePermitHandlers } from './residence-permit.handlers.js';
import { applyFromKzToTr, caseAt, CASE_TABLES, KZ_CITIZEN, OTHER_KZ_CITIZEN, TR_OFFICER, WORK_FORM } from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

/** The citizen's side at KZ, over real SQLite databases, with TR as the real destination node. */
describe('the home side of a residence-permit application', () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let tr: InProcessNode;
  let home: HomeApplicationService;
  const citizen = (subject = KZ_CITIZEN) => kz.principal(subject, 'citizen');
  const apply = (input: Record<string, unknown>, subject?: string) =>
    home.applyAbroad({ country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [], ...input }, citizen(subject));

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    [kz, tr] = [federation.node('KZ'), federation.node('TR')];
    home = kz.get(HomeApplicationService);
  });
  afterAll(async () => federation?.stop());

  it('applies with the consented evidence issued from the records, in one transaction with its message and audit entry', async () => {
    const before = await kz.counts(CASE_TABLES);
    const application = await apply({ consent: ['criminal-record-certificate'] });
    expect(application).toMatchObject({ role: 'home', status: 'submitted', homeCountry: 'KZ', destination: 'TR', applicant: KZ_CITIZEN });
    expect(application.documents.map((d) => d.docType)).toEqual(['identity-attestation', 'criminal-record-certificate']);
    expect(await caseAt(kz, application.id)).toMatchObject({ status: 'submitted', consent: ['criminal-record-certificate'] });

    const held = await kz.dataSource.getRepository(CitizenDocumentEntity).findBy({ applicationId: application.id });
    expect(held.map((d) => [d.holder, d.issuer, d.docType]).sort()).toEqual([
      [KZ_CITIZEN, 'KZ', 'criminal-record-certificate'],
      [KZ_CITIZEN, 'KZ', 'identity-attestation'],
    ]);
    const [message] = (await kz.outbox('application.submit')).filter((m) => m.body.applicationId === application.id);
    expect(message).toMatchObject({ recipient: 'TR', status: 'pending', body: { serviceCode: 'TR-RP-WORK', applicant: KZ_CITIZEN } });
    expect(message?.body.documents).toEqual(application.documents.map((d) => d.jws));
    expect((await kz.audit('application.submit')).at(-1)).toMatchObject({ actor: KZ_CITIZEN, subject: application.id });
    const after = await kz.counts(CASE_TABLES);
    expect([after.application, after.citizen_document, after.issued_document, after.outbox_message]).toEqual([
      (before.application ?? 0) + 1,
      (before.citizen_document ?? 0) + 2,
      (before.issued_document ?? 0) + 2,
      (before.outbox_message ?? 0) + 1,
    ]);
  });

  it('refuses an application it cannot make, each with its code, and writes nothing', async () => {
    const refusals = [
      [{ form: { ...WORK_FORM, intendedStayMonths: 99, colour: 'red' } }, 'FORM_INVALID'],
      [{ serviceCode: 'TR-NO-SUCH' }, 'SERVICE_NOT_OPEN'],
      [{ serviceCode: 'TR-CIT-ADDRESS' }, 'SERVICE_NOT_OPEN'],
      [{ country: 'tr' }, 'BAD_INPUT'],
      [{ consent: ['passport'] }, 'BAD_INPUT'],
      [{ consent: ['residence-permit'] }, 'CONSENT_INVALID'],
      [{}, 'UNKNOWN_PERSON', 'KZ:IIN:000000000000'],
    ] as const;
    for (const [input, code, subject] of refusals) {
      const before = await kz.counts(CASE_TABLES);
      await expect(apply(input, subject)).rejects.toMatchObject({ code });
      expect(await kz.counts(CASE_TABLES)).toEqual(before);
    }
  });

  it('withdraws at the applicant’s word only, tells the destination, and refuses a second withdrawal with no write', async () => {
    const application = await applyFromKzToTr(kz, tr);
    await expect(home.withdraw({ id: application.id }, citizen(OTHER_KZ_CITIZEN))).rejects.toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
    const withdrawn = await home.withdraw({ id: application.id }, citizen());
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.timeline.map((e) => e.status)).toEqual(['submitted', 'under-review', 'withdrawn']);
    const [message] = (await kz.outbox('application.status')).filter((m) => m.body.applicationId === application.id);
    expect(message).toMatchObject({ recipient: 'TR', body: { status: 'withdrawn', note: 'withdrawn by the applicant' } });
    expect((await kz.audit('application.withdrawn')).at(-1)).toMatchObject({ actor: KZ_CITIZEN, subject: application.id });

    const before = await kz.counts(CASE_TABLES);
    await expect(home.withdraw({ id: application.id }, citizen())).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      params: { from: 'withdrawn', to: 'withdrawn' },
    });
    expect(await kz.counts(CASE_TABLES)).toEqual(before);

    await kz.relayTo(tr, 'application.status', (body) => body.applicationId === application.id);
    expect((await caseAt(tr, application.id)).status).toBe('withdrawn');
  });

  it('follows the decision, filing the verified permit among the citizen documents', async () => {
    const application = await applyFromKzToTr(kz, tr);
    expect((await caseAt(kz, application.id)).status).toBe('under-review');
    await tr
      .get(DestinationCaseService)
      .decide({ id: application.id, decision: 'approve', reason: 'Evidence complete' }, tr.principal(TR_OFFICER, 'officer'));
    await tr.relayTo(kz, 'application.decision', (body) => body.applicationId === application.id);
    const decided = await caseAt(kz, application.id);
    expect(decided).toMatchObject({ status: 'approved', decisionReason: 'Evidence complete' });
    expect(decided.timeline.map((e) => e.status)).toEqual(['submitted', 'under-review', 'approved']);
    const documents = (await home.myDocuments(citizen(), {})).edges.map((e) => e.node);
    const permit = documents.find((d) => d.applicationId === application.id && d.docType === 'residence-permit');
    expect(permit).toMatchObject({ issuer: 'TR', holder: KZ_CITIZEN, verification: { valid: true, reason: 'OK', issuerCountry: 'TR' } });
    expect((await home.myApplications(citizen(), {})).edges.some((e) => e.node.id === application.id)).toBe(true);
    expect((await home.myApplications(citizen(OTHER_KZ_CITIZEN), {})).edges).toEqual([]);
  });

  it('refuses a decision without a permit that verifies, a status for a case of another partner, and an impossible move', async () => {
    const application = await applyFromKzToTr(kz, tr);
    const before = await kz.counts(CASE_TABLES);
    const approval = { applicationId: application.id, decision: 'approved', reason: 'fine' };
    await expect(kz.receiveFrom(tr, 'application.decision', approval)).rejects.toMatchObject({
      params: { reason: 'EVIDENCE_NOT_VERIFIED' },
    });
    await expect(kz.receiveFrom(tr, 'application.status', { applicationId: application.id, status: 'submitted' })).rejects.toMatchObject({
      params: { reason: 'ILLEGAL_TRANSITION' },
    });
    await expect(kz.receiveFrom(tr, 'application.status', { applicationId: randomUUID(), status: 'rejected' })).rejects.toMatchObject({
      params: { reason: 'APPLICATION_NOT_FOUND' },
    });
    const refusedAudits = (await kz.counts(CASE_TABLES)).audit_entry;
    expect(await kz.counts(CASE_TABLES)).toEqual({ ...before, audit_entry: refusedAudits });
    expect(refusedAudits).toBe((before.audit_entry ?? 0) + 3);

    // The seam itself: a status from a country that is not this case's destination never reaches the case.
    const write = await kz.get(ResidencePermitHandlers).status({
      iss: 'UZ',
      aud: 'KZ',
      jti: randomUUID(),
      iat: 0,
      exp: 0,
      msg_type: 'application.status',
      body: { applicationId: application.id, status: 'rejected' },
    });
    await expect(kz.dataSource.transaction(write)).rejects.toBeInstanceOf(ApplicationNotFoundError);
    expect((await caseAt(kz, application.id)).status).toBe('under-review');
  });
});
