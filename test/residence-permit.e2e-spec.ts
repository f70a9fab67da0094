import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { graphql } from './support/graphql.js';
import { tempDataRoot, PORT_SHIFT } from './support/processes.js';

const KZ_CITIZEN = 'KZ:IIN:900101300123';
const OTHER_KZ_CITIZEN = 'KZ:IIN:850515400234';
const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };

type Application = {
  id: string;
  status: string;
  statusLabel: string;
  statusLabelRu: string;
  decisionReason: string | null;
  timeline: { status: string; label: string; at: string; note: string | null }[];
  documents: { docType: string }[];
};
const APPLICATION_FIELDS = 'id status statusLabel statusLabelRu decisionReason documents { docType } timeline { status label at note }';

/** A residence permit from KZ to TR between real nodes started by `fedctl up`. */
describe('cross-border residence permits', () => {
  let federation: TestFederation;
  let citizen: string;
  let trOfficer: string;
  const kz = () => federation.url('KZ');
  const tr = () => federation.url('TR');
  const apply = (token: string, input: Record<string, unknown>) =>
    graphql<{ applyAbroad: Application }>(kz(), `mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { ${APPLICATION_FIELDS} } }`, {
      token,
      variables: { i: input },
    });
  const myApplications = (token: string, lang = 'kk') =>
    graphql<{ myApplications: Application[] }>(kz(), `query($l: String) { myApplications(lang: $l) { ${APPLICATION_FIELDS} } }`, {
      token,
      variables: { l: lang },
    });
  const caseAtTr = async (id: string) =>
    expectOk(await graphql<{ cases: Application[] }>(tr(), `{ cases { ${APPLICATION_FIELDS} } }`, { token: trOfficer })).cases.find(
      (c) => c.id === id,
    );

  beforeAll(async () => {
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('residence-permit'),
      portOffset: 400 + PORT_SHIFT,
      countries: ['KZ', 'TR'],
      env: { RATE_LIMIT_PER_MINUTE: '0' },
    });
    citizen = federation.token('KZ', 'citizen', KZ_CITIZEN);
    trOfficer = federation.token('TR', 'officer', 'TR:OFFICER:7');
  });
  afterAll(async () => federation?.down());

  it('carries a residence-permit application from KZ to TR, with an evidence request the citizen approves, to a permit in the citizen documents', async () => {
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['criminal-record-certificate'] }),
    );
    expect(application.status).toBe('submitted');
    expect(application.documents.map((d) => d.docType)).toEqual(['identity-attestation', 'criminal-record-certificate']);

    await eventually(async () => (await caseAtTr(application.id))?.status === 'under-review');
    const atTr = await caseAtTr(application.id);
    expect(atTr?.documents.map((d) => d.docType)).toEqual(['identity-attestation', 'criminal-record-certificate']);

    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: "income-statement") { status } }`, {
        token: trOfficer,
      }),
    );
    let pending: { id: string; docType: string; preview: Record<string, unknown> }[] = [];
    await eventually(async () => {
      pending = expectOk(
        await graphql<{ pendingEvidenceRequests: typeof pending }>(kz(), '{ pendingEvidenceRequests { id docType preview } }', {
          token: citizen,
        }),
      ).pendingEvidenceRequests;
      return pending.length === 1;
    });
    expect(pending[0]).toMatchObject({
      docType: 'income-statement',
      preview: { givenName: 'Aigerim', annualIncome: 5400000, currency: 'KZT' },
    });
    expectOk(
      await graphql(kz(), `mutation { answerEvidenceRequest(id: "${pending[0]?.id}", approve: true) { status } }`, { token: citizen }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.documents.length === 3);

    const decided = expectOk(
      await graphql<{ decideCase: Application }>(
        tr(),
        `mutation { decideCase(id: "${application.id}", decision: approve, reason: "Evidence complete") { status } }`,
        { token: trOfficer },
      ),
    );
    expect(decided.decideCase.status).toBe('approved');
    await eventually(async () => expectOk(await myApplications(citizen)).myApplications[0]?.status === 'approved');
    const mine = expectOk(await myApplications(citizen, 'en')).myApplications[0] as Application;
    expect(mine.timeline.map((e) => e.status)).toEqual(['submitted', 'under-review', 'evidence-requested', 'under-review', 'approved']);
    expect(mine.statusLabel).toBe('Approved');
    expect(mine.statusLabelRu).toBe('Одобрено');
    expect(mine.decisionReason).toBe('Evidence complete');
    for (const entry of mine.timeline) expect(Date.parse(entry.at)).not.toBeNaN();

    const documents = expectOk(
      await graphql<{ myDocuments: { docType: string; issuer: string; verification: { valid: boolean; reason: string } }[] }>(
        kz(),
        '{ myDocuments { docType issuer verification { valid reason } } }',
        { token: citizen },
      ),
    ).myDocuments;
    expect(documents.find((d) => d.docType === 'residence-permit')).toEqual({
      docType: 'residence-permit',
      issuer: 'TR',
      verification: { valid: true, reason: 'OK' },
    });

    const again = await graphql(
      tr(),
      `mutation { decideCase(id: "${application.id}", decision: reject, reason: "changed my mind") { status } }`,
      { token: trOfficer, lang: 'en' },
    );
    expect(again.errors?.[0]?.extensions.code).toBe('ILLEGAL_TRANSITION');
  });

  it('answers an evidence request within the recorded consent without asking the citizen', async () => {
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['income-statement'] }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.status === 'under-review');
    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: "income-statement") { status } }`, {
        token: trOfficer,
      }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.timeline.at(-1)?.note === 'income-statement received and verified');
    const pending = expectOk(
      await graphql<{ pendingEvidenceRequests: unknown[] }>(kz(), '{ pendingEvidenceRequests { id } }', { token: citizen }),
    ).pendingEvidenceRequests;
    expect(pending).toEqual([]);
  });

  it('parks a message the partner refuses as dead, and an admin retries it once the cause is fixed', async () => {
    expect(federation.fedctl(['trust', 'restrict', '--node', 'TR', '--country', 'KZ', '--services', 'TR-RP-STUDY']).status).toBe(0);
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }),
    );
    const kzAdmin = federation.token('KZ', 'admin');
    type Outgoing = { id: string; msgType: string; status: string; lastError: string | null };
    let dead: Outgoing | undefined;
    await eventually(async () => {
      const { outbox } = expectOk(
        await graphql<{ outbox: Outgoing[] }>(kz(), '{ outbox(status: "dead") { id msgType status lastError } }', { token: kzAdmin }),
      );
      dead = outbox.find((m) => m.msgType === 'application.submit');
      return dead !== undefined;
    });
    expect(dead?.lastError).toMatch(/^MESSAGE_NOT_ACCEPTED/);
    expect(await caseAtTr(application.id)).toBeUndefined();

    expect(federation.fedctl(['trust', 'restrict', '--node', 'TR', '--country', 'KZ', '--all']).status).toBe(0);
    const retried = expectOk(
      await graphql<{ retryMessage: Outgoing }>(kz(), `mutation { retryMessage(id: "${dead?.id}") { status } }`, { token: kzAdmin }),
    );
    expect(retried.retryMessage.status).toBe('pending');
    await eventually(async () => (await caseAtTr(application.id))?.status === 'under-review');
    await eventually(async () =>
      expectOk(
        await graphql<{ outbox: Outgoing[] }>(kz(), '{ outbox(status: "delivered", last: 1000) { id msgType status lastError } }', {
          token: kzAdmin,
        }),
      ).outbox.some((m) => m.id === dead?.id),
    );
    const again = await graphql(kz(), `mutation { retryMessage(id: "${dead?.id}") { status } }`, { token: kzAdmin });
    expect(again.errors?.[0]?.extensions.code).toBe('OUTBOX_MESSAGE_NOT_FOUND');
  });

  it('lets the applicant withdraw, and the destination case follows', async () => {
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.status === 'under-review');
    const withdrawn = expectOk(
      await graphql<{ withdrawApplication: Application }>(kz(), `mutation { withdrawApplication(id: "${application.id}") { status } }`, {
        token: citizen,
      }),
    );
    expect(withdrawn.withdrawApplication.status).toBe('withdrawn');
    await eventually(async () => (await caseAtTr(application.id))?.status === 'withdrawn');
    const late = await graphql(tr(), `mutation { decideCase(id: "${application.id}", decision: approve, reason: "too late") { status } }`, {
      token: trOfficer,
    });
    expect(late.errors?.[0]?.extensions.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a form that fails validation, and stores nothing', async () => {
    const before = expectOk(await myApplications(citizen)).myApplications.length;
    const refused = await apply(citizen, {
      country: 'TR',
      serviceCode: 'TR-RP-WORK',
      form: { purpose: 'x', intendedStayMonths: 99, colour: 'red' },
      consent: [],
    });
    expect(refused.errors?.[0]?.extensions.code).toBe('FORM_INVALID');
    expect(refused.errors?.[0]?.message).toContain('intendedStayMonths');
    const notOpen = await apply(citizen, { country: 'TR', serviceCode: 'TR-NO-SUCH', form: {}, consent: [] });
    expect(notOpen.errors?.[0]?.extensions.code).toBe('SERVICE_NOT_OPEN');
    expect(expectOk(await myApplications(citizen)).myApplications.length).toBe(before);
  });

  it('shows a citizen only their own cases, and refuses officers outside their country', async () => {
    const other = federation.token('KZ', 'citizen', OTHER_KZ_CITIZEN);
    expect(expectOk(await myApplications(other)).myApplications).toEqual([]);
    const [mine] = expectOk(await myApplications(citizen)).myApplications;
    const withdraw = await graphql(kz(), `mutation { withdrawApplication(id: "${mine?.id}") { status } }`, { token: other });
    expect(withdraw.errors?.[0]?.extensions.code).toBe('APPLICATION_NOT_FOUND');
    const trTokenAtKz = await graphql(kz(), `mutation { decideCase(id: "${mine?.id}", decision: approve, reason: "x") { status } }`, {
      token: trOfficer,
    });
    expect(trTokenAtKz.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const kzOfficer = federation.token('KZ', 'officer', 'KZ:OFFICER:1');
    const kzOfficerOnKzCase = await graphql(kz(), `mutation { decideCase(id: "${mine?.id}", decision: approve, reason: "x") { status } }`, {
      token: kzOfficer,
    });
    expect(kzOfficerOnKzCase.errors?.[0]?.extensions.code).toBe('APPLICATION_NOT_FOUND');
    const citizenAsOfficer = await graphql(tr(), '{ cases { id } }', { token: federation.token('TR', 'citizen', 'TR:TCKN:10000000146') });
    expect(citizenAsOfficer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it("pages through the officers' cases newest first, and refuses a bad page size or an unknown case", async () => {
    const cases = async (args: string) =>
      graphql<{ cases: { id: string; timeline: { at: string }[] }[] }>(tr(), `{ cases(${args}) { id timeline { at } } }`, {
        token: trOfficer,
      });
    const before = expectOk(await cases('first: 500')).cases.length;
    for (let i = 0; i < 3; i += 1)
      expectOk(await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }));
    let all: { id: string; timeline: { at: string }[] }[] = [];
    await eventually(async () => (all = expectOk(await cases('first: 500')).cases).length === before + 3);
    const submittedAt = all.map((c) => c.timeline[0]?.at as string);
    expect([...submittedAt].sort().reverse()).toEqual(submittedAt);

    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = expectOk(await cases(`first: 2${after ? `, after: "${after}"` : ''}`)).cases;
      paged.push(...page.map((c) => c.id));
      if (page.length < 2) break;
      after = page.at(-1)?.id;
    }
    expect(paged).toEqual(all.map((c) => c.id));

    for (const [args, detail] of [
      ['first: 0', 'first'],
      ['first: 501', 'first'],
      ['after: "no-such-case"', 'after'],
    ] as const) {
      const refused = await cases(args);
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_INPUT');
      expect(refused.errors?.[0]?.message).toContain(detail);
    }
  });
});
