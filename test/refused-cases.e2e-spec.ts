import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql } from './support/graphql.js';
import { tempDataRoot, PORT_SHIFT } from './support/processes.js';

const KZ_CITIZEN = 'KZ:IIN:900101300123';
const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };
const FIELDS = 'id status statusLabel timeline { status } failure { messageId msgType code reason message detail at }';

type Application = {
  id: string;
  status: string;
  statusLabel: string;
  timeline: { status: string }[];
  failure: { messageId: string; msgType: string; code: string; reason: string | null; message: string; detail: string } | null;
};

/** A citizen's application the destination refuses: visible at home, in the reader's language, until an admin's retry arrives. */
describe('refused applications', () => {
  let federation: TestFederation;
  let citizen: string;
  const kz = () => federation.url('KZ');
  const mine = (lang: string): Promise<Application[]> =>
    allNodes<Application>(kz(), 'myApplications', FIELDS, {
      token: citizen,
      args: 'lang: $l',
      variableDefinitions: '$l: Language',
      variables: { l: lang.toUpperCase() },
    });

  beforeAll(async () => {
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('refused-cases'),
      portOffset: 1100 + PORT_SHIFT,
      countries: ['KZ', 'TR'],
      env: { RATE_LIMIT_PER_MINUTE: '0' },
    });
    citizen = federation.token('KZ', 'citizen', KZ_CITIZEN);
  });
  afterAll(async () => federation?.down());

  it("moves a refused application to undelivered with the reason in the citizen's language, shows it to officer and admin, and resumes it on a delivered retry", async () => {
    // TR lets KZ's citizens use only its tax service: its node refuses the work permit, which KZ's catalog copy still offers.
    expect(federation.fedctl(['trust', 'restrict', '--node', 'TR', '--country', 'KZ', '--services', 'TR-TAX-RESIDENCE']).status).toBe(0);
    const { applyAbroad } = expectOk(
      await graphql<{ applyAbroad: Application }>(kz(), `mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { ${FIELDS} } }`, {
        token: citizen,
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] } },
      }),
    );
    expect(applyAbroad.status).toBe('SUBMITTED');

    await eventually(async () => (await mine('kk')).find((a) => a.id === applyAbroad.id)?.status === 'UNDELIVERED');
    const [inKazakh] = (await mine('kk')).filter((a) => a.id === applyAbroad.id);
    expect(inKazakh.statusLabel).toBe('Жеткізілмеді');
    expect(inKazakh.failure).toMatchObject({ msgType: 'APPLICATION_SUBMIT', code: 'MESSAGE_NOT_ACCEPTED', reason: 'SERVICE_NOT_OPEN' });
    expect(inKazakh.failure?.message).toBe(
      'TR елінің TR-RP-WORK коды бар қызметі федерация арқылы KZ елінің азаматтары үшін қолжетімді емес.',
    );
    // TR answered in the working language, whatever its own default: Cyrillic, the code beside it.
    expect(inKazakh.failure?.detail).toMatch(/[А-Яа-я]/);
    expect(inKazakh.failure?.detail).toContain('SERVICE_NOT_OPEN');
    const [inTurkish] = (await mine('tr')).filter((a) => a.id === applyAbroad.id);
    expect(inTurkish.statusLabel).toBe('İletilemedi');
    expect(inTurkish.failure?.message).toContain('TR-RP-WORK');
    expect(inTurkish.failure?.message).not.toBe(inKazakh.failure?.message);

    for (const role of ['officer', 'admin'] as const) {
      const seen = await allNodes<Application>(kz(), 'undeliveredApplications', FIELDS, {
        token: federation.token('KZ', role),
        args: 'lang: EN',
      });
      expect(seen.map((a) => [a.id, a.failure?.message])).toEqual([
        [applyAbroad.id, 'Service TR-RP-WORK of TR is not open to citizens of KZ through the federation.'],
      ]);
    }
    const kzAdmin = federation.token('KZ', 'admin');
    const audit = await allNodes<{ action: string; subject: string }>(kz(), 'auditLog', 'action subject', { token: kzAdmin });
    expect(audit).toContainEqual({ action: 'application.undelivered', subject: applyAbroad.id });

    // TR's admin opens the service again; KZ's admin retries the message the case names.
    expect(federation.fedctl(['trust', 'restrict', '--node', 'TR', '--country', 'KZ', '--all']).status).toBe(0);
    expectOk(
      await graphql(
        kz(),
        `
          mutation ($id: String!) {
            retryMessage(id: $id) {
              status
            }
          }
        `,
        {
          token: kzAdmin,
          variables: { id: inKazakh.failure?.messageId },
        },
      ),
    );
    await eventually(async () => {
      const status = (await mine('en')).find((a) => a.id === applyAbroad.id)?.status;
      return status === 'SUBMITTED' || status === 'UNDER_REVIEW';
    });
    const [resumed] = (await mine('en')).filter((a) => a.id === applyAbroad.id);
    expect(resumed.failure).toBeNull();
    expect(resumed.timeline.map((e) => e.status).slice(0, 3)).toEqual(['SUBMITTED', 'UNDELIVERED', 'SUBMITTED']);
    expect(await allNodes<{ id: string }>(kz(), 'undeliveredApplications', 'id', { token: kzAdmin })).toEqual([]);
  });

  it("answers a partner's delivery in the working language whatever language the request asks for", async () => {
    for (const lang of ['tr', 'en', 'kk']) {
      const refused = await graphql(federation.url('TR'), 'mutation($m: String!) { deliver(message: $m) }', {
        variables: { m: 'not a jwe' },
        lang,
      });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'Сообщение не удалось расшифровать ни одним ключом этого узла.',
        extensions: { code: 'MESSAGE_UNDECRYPTABLE' },
      });
    }
  });
});
