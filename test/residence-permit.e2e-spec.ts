import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql, nodesOf, type Connection } from './support/graphql.js';
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
  const myApplications = async (token: string, lang = 'KK') =>
    nodesOf(
      expectOk(
        await graphql<{ myApplications: Connection<Application> }>(
          kz(),
          `query($l: Language) { myApplications(lang: $l) { edges { node { ${APPLICATION_FIELDS} } } } }`,
          { token, variables: { l: lang } },
        ),
      ).myApplications,
    );
  const caseAtTr = async (id: string) =>
    nodesOf(
      expectOk(
        await graphql<{ cases: Connection<Application> }>(tr(), `{ cases { edges { node { ${APPLICATION_FIELDS} } } } }`, {
          token: trOfficer,
        }),
      ).cases,
    ).find((c) => c.id === id);

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
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE'] }),
    );
    expect(application.status).toBe('SUBMITTED');
    expect(application.documents.map((d) => d.docType)).toEqual(['IDENTITY_ATTESTATION', 'CRIMINAL_RECORD_CERTIFICATE']);

    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');
    const atTr = await caseAtTr(application.id);
    expect(atTr?.documents.map((d) => d.docType)).toEqual(['IDENTITY_ATTESTATION', 'CRIMINAL_RECORD_CERTIFICATE']);

    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: INCOME_STATEMENT) { status } }`, {
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
      docType: 'INCOME_STATEMENT',
      preview: { givenName: 'Aigerim', annualIncome: 5400000, currency: 'KZT' },
    });
    expectOk(
      await graphql(kz(), `mutation { answerEvidenceRequest(id: "${pending[0]?.id}", approve: true) { status } }`, { token: citizen }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.documents.length === 3);

    const decided = expectOk(
      await graphql<{ decideCase: Application }>(
        tr(),
        `mutation { decideCase(id: "${application.id}", decision: APPROVE, reason: "Evidence complete") { status } }`,
        { token: trOfficer },
      ),
    );
    expect(decided.decideCase.status).toBe('APPROVED');
    await eventually(async () => (await myApplications(citizen))[0]?.status === 'APPROVED');
    const mine = (await myApplications(citizen, 'EN'))[0] as Application;
    expect(mine.timeline.map((e) => e.status)).toEqual(['SUBMITTED', 'UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'UNDER_REVIEW', 'APPROVED']);
    expect(mine.statusLabel).toBe('Approved');
    expect(mine.statusLabelRu).toBe('Одобрено');
    expect(mine.decisionReason).toBe('Evidence complete');
    for (const entry of mine.timeline) expect(Date.parse(entry.at)).not.toBeNaN();

    const documents = await allNodes<{ docType: string; issuer: string; verification: { valid: boolean; reason: string } }>(
      kz(),
      'myDocuments',
      'docType issuer verification { valid reason }',
      { token: citizen },
    );
    expect(documents.find((d) => d.docType === 'RESIDENCE_PERMIT')).toEqual({
      docType: 'RESIDENCE_PERMIT',
      issuer: 'TR',
      verification: { valid: true, reason: 'OK' },
    });

    const again = await graphql(
      tr(),
      `mutation { decideCase(id: "${application.id}", decision: REJECT, reason: "changed my mind") { status } }`,
      { token: trOfficer, lang: 'en' },
    );
    expect(again.errors?.[0]?.extensions.code).toBe('ILLEGAL_TRANSITION');
  });

  it('answers an evidence request within the recorded consent without asking the citizen', async () => {
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['INCOME_STATEMENT'] }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');
    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: INCOME_STATEMENT) { status } }`, {
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
        await graphql<{ outbox: Connection<Outgoing> }>(
          kz(),
          '{ outbox(filter: { status: DEAD }) { edges { node { id msgType status lastError } } } }',
          {
            token: kzAdmin,
          },
        ),
      );
      dead = nodesOf(outbox).find((m) => m.msgType === 'APPLICATION_SUBMIT');
      return dead !== undefined;
    });
    expect(dead?.lastError).toMatch(/^MESSAGE_NOT_ACCEPTED/);
    expect(await caseAtTr(application.id)).toBeUndefined();

    expect(federation.fedctl(['trust', 'restrict', '--node', 'TR', '--country', 'KZ', '--all']).status).toBe(0);
    const retried = expectOk(
      await graphql<{ retryMessage: Outgoing }>(kz(), `mutation { retryMessage(id: "${dead?.id}") { status } }`, { token: kzAdmin }),
    );
    expect(retried.retryMessage.status).toBe('PENDING');
    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');
    await eventually(async () =>
      (
        await allNodes<Outgoing>(kz(), 'outbox', 'id msgType status lastError', {
          token: kzAdmin,
          args: 'filter: { status: DELIVERED }',
        })
      ).some((m) => m.id === dead?.id),
    );
    const again = await graphql(kz(), `mutation { retryMessage(id: "${dead?.id}") { status } }`, { token: kzAdmin });
    expect(again.errors?.[0]?.extensions.code).toBe('OUTBOX_MESSAGE_NOT_FOUND');
  });

  it('lets the applicant withdraw, and the destination case follows', async () => {
    const { applyAbroad: application } = expectOk(
      await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');
    const withdrawn = expectOk(
      await graphql<{ withdrawApplication: Application }>(kz(), `mutation { withdrawApplication(id: "${application.id}") { status } }`, {
        token: citizen,
      }),
    );
    expect(withdrawn.withdrawApplication.status).toBe('WITHDRAWN');
    await eventually(async () => (await caseAtTr(application.id))?.status === 'WITHDRAWN');
    const late = await graphql(tr(), `mutation { decideCase(id: "${application.id}", decision: APPROVE, reason: "too late") { status } }`, {
      token: trOfficer,
    });
    expect(late.errors?.[0]?.extensions.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a form that fails validation, and stores nothing', async () => {
    const before = (await allNodes(kz(), 'myApplications', 'id', { token: citizen })).length;
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
    expect((await allNodes(kz(), 'myApplications', 'id', { token: citizen })).length).toBe(before);
  });

  it('shows a citizen only their own cases, and refuses officers outside their country', async () => {
    const other = federation.token('KZ', 'citizen', OTHER_KZ_CITIZEN);
    expect(await myApplications(other)).toEqual([]);
    const [mine] = await myApplications(citizen);
    const withdraw = await graphql(kz(), `mutation { withdrawApplication(id: "${mine?.id}") { status } }`, { token: other });
    expect(withdraw.errors?.[0]?.extensions.code).toBe('APPLICATION_NOT_FOUND');
    const trTokenAtKz = await graphql(kz(), `mutation { decideCase(id: "${mine?.id}", decision: APPROVE, reason: "x") { status } }`, {
      token: trOfficer,
    });
    expect(trTokenAtKz.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const kzOfficer = federation.token('KZ', 'officer', 'KZ:OFFICER:1');
    const kzOfficerOnKzCase = await graphql(kz(), `mutation { decideCase(id: "${mine?.id}", decision: APPROVE, reason: "x") { status } }`, {
      token: kzOfficer,
    });
    expect(kzOfficerOnKzCase.errors?.[0]?.extensions.code).toBe('APPLICATION_NOT_FOUND');
    const citizenAsOfficer = await graphql(tr(), '{ cases { edges { node { id } } } }', {
      token: federation.token('TR', 'citizen', 'TR:TCKN:10000000146'),
    });
    expect(citizenAsOfficer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it("pages through the officers' cases forwards and backwards to the same list, and refuses a bad page, cursor or status", async () => {
    type Case = { id: string; status: string; timeline: { at: string }[] };
    const cases = async (args: string, lang = 'en') =>
      graphql<{ cases: Connection<Case> }>(
        tr(),
        `{ cases(${args}) { edges { cursor node { id status timeline { at } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { token: trOfficer, lang },
      );
    const before = (await allNodes<Case>(tr(), 'cases', 'id', { token: trOfficer })).length;
    for (let i = 0; i < 3; i += 1)
      expectOk(await apply(citizen, { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }));
    let all: Case[] = [];
    await eventually(
      async () => (all = await allNodes<Case>(tr(), 'cases', 'id status timeline { at }', { token: trOfficer })).length === before + 3,
    );
    expect(all.length).toBeGreaterThanOrEqual(5);
    const submittedAt = all.map((c) => c.timeline[0]?.at as string);
    expect([...submittedAt].sort().reverse()).toEqual(submittedAt);

    const forwards: string[] = [];
    for (let after: string | null = null; ;) {
      const page: Connection<Case> = expectOk(await cases(`first: 2${after ? `, after: "${after}"` : ''}`)).cases;
      forwards.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backwards: string[] = [];
    for (let before: string | null = null; ;) {
      const page: Connection<Case> = expectOk(await cases(`last: 2${before ? `, before: "${before}"` : ''}`)).cases;
      backwards.unshift(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(forwards).toEqual(all.map((c) => c.id));
    expect(backwards).toEqual(all.map((c) => c.id));

    const underReview = await allNodes<Case>(tr(), 'cases', 'id', { token: trOfficer, args: 'filter: { status: UNDER_REVIEW }' });
    expect(underReview.map((c) => c.id)).toEqual(all.filter((c) => c.status === 'UNDER_REVIEW').map((c) => c.id));

    for (const [args, code, message] of [
      ['first: 101', 'PAGE_TOO_LARGE', 'At most 100 items fit on one page.'],
      ['last: 0', 'PAGE_TOO_LARGE', 'At most 100 items fit on one page.'],
      ['after: "no-such-case"', 'BAD_CURSOR', 'The cursor does not belong to this list.'],
      ['first: 2, last: 2', 'BAD_INPUT', undefined],
    ] as const) {
      const refused = await cases(args);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions.code).toBe(code);
      if (message) expect(refused.errors?.[0]?.message).toBe(message);
    }
    const unknownStatus = await cases('filter: { status: DONE }', 'kk');
    expect(unknownStatus.status).toBe(400);
    expect(unknownStatus.data).toBeUndefined();
    expect(unknownStatus.errors?.[0]).toMatchObject({
      message: 'DONE — CaseStatus мәні емес.',
      extensions: { code: 'UNKNOWN_ENUM_VALUE' },
    });
  });
});
