import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { graphql, nodesOf, type Connection } from './support/graphql.js';
import { PORT_SHIFT, tempDataRoot } from './support/processes.js';
import { REGISTERS_SPEC, startPrism, startTestRegisters, type RunningPrism, type TestRegisters } from './support/registers-server.js';

/*
 * The residence-permit flow KZ -> TR with KZ's registers behind the HTTP adapter: the node calls Prism's validation
 * proxy (with --errors, so an answer outside docs/national-registers.openapi.yaml never reaches the node as data),
 * which forwards to a contract-conformant test server answering from the demo file (Prism's own mock answers the same
 * example for every person, so it cannot tell two citizens apart). Then the citizen's myDataUsage, and a register that
 * goes down while a partner's message waits on it.
 */

const KZ_CITIZEN = 'KZ:IIN:900101300123';
const OTHER_KZ_CITIZEN = 'KZ:IIN:850515400234';
const API_KEY = 'kz-registers-e2e-key';
const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };

type Usage = {
  kind: string;
  purpose: string;
  purposeReference: string;
  partner: string | null;
  categories: string[];
  documentTypes: string[];
  description: string;
};
const USAGE_FIELDS = 'kind purpose purposeReference partner categories documentTypes description';

describe('national registers over HTTP, end to end', () => {
  let federation: TestFederation;
  let registers: TestRegisters;
  let prism: RunningPrism;
  let citizen: string;
  let trOfficer: string;
  const kz = () => federation.url('KZ');
  const tr = () => federation.url('TR');
  const usage = async (token: string, lang = 'EN') =>
    nodesOf(
      expectOk(
        await graphql<{ myDataUsage: Connection<Usage> }>(
          kz(),
          `query($l: Language) { myDataUsage(lang: $l) { edges { node { ${USAGE_FIELDS} } } } }`,
          {
            token,
            variables: { l: lang },
          },
        ),
      ).myDataUsage,
    );
  const caseAtTr = async (id: string) =>
    nodesOf(
      expectOk(
        await graphql<{ cases: Connection<{ id: string; status: string; documents: { docType: string }[] }> }>(
          tr(),
          '{ cases { edges { node { id status documents { docType } } } } }',
          { token: trOfficer },
        ),
      ).cases,
    ).find((c) => c.id === id);

  beforeAll(async () => {
    registers = await startTestRegisters({ country: 'KZ', apiKey: API_KEY });
    prism = await startPrism(4794 + PORT_SHIFT, ['proxy', '--errors', REGISTERS_SPEC, registers.url]);
    const dataRoot = tempDataRoot('national-registers');
    const keyFile = join(dataRoot, 'registers-api-key');
    writeFileSync(keyFile, `${API_KEY}\n`, { mode: 0o600 });
    // Both nodes of `fedctl up` get the variables; TR, the destination, reads no register in this flow.
    federation = await TestFederation.up({
      dataRoot,
      portOffset: 420 + PORT_SHIFT,
      countries: ['KZ', 'TR'],
      env: {
        RATE_LIMIT_PER_MINUTE: '0',
        OUTBOX_BASE_DELAY_MS: '100',
        REGISTERS_ADAPTER: 'http',
        REGISTERS_URL: prism.url,
        REGISTERS_API_KEY_FILE: keyFile,
        REGISTERS_TIMEOUT_MS: '2000',
        REGISTERS_RETRIES: '1',
        REGISTERS_BACKOFF_MS: '50',
        REGISTERS_BREAKER_OPEN_MS: '500',
      },
    });
    citizen = federation.token('KZ', 'citizen', KZ_CITIZEN);
    trOfficer = federation.token('TR', 'officer', 'TR:OFFICER:7');
  }, 150_000);
  afterAll(async () => {
    await federation?.down();
    await Promise.all([prism?.stop(), registers?.close()]);
  });

  it('applies with evidence read over HTTP, answers an evidence request within the consent, and lists exactly those uses', async () => {
    registers.calls.length = 0;
    const { applyAbroad: application } = expectOk(
      await graphql<{ applyAbroad: { id: string; documents: { docType: string }[] } }>(
        kz(),
        'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id documents { docType } } }',
        {
          token: citizen,
          variables: {
            i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE', 'INCOME_STATEMENT'] },
          },
        },
      ),
    );
    expect(application.documents.map((d) => d.docType)).toEqual([
      'IDENTITY_ATTESTATION',
      'CRIMINAL_RECORD_CERTIFICATE',
      'INCOME_STATEMENT',
    ]);
    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');

    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: CRIMINAL_RECORD_CERTIFICATE) { status } }`, {
        token: trOfficer,
      }),
    );
    // Within the consent: KZ answers at once from the registers.
    await eventually(async () => (await caseAtTr(application.id))?.documents.length === 4);

    // What the registers were asked, and for what: the citizen's own application, then the case.
    const applicationPurpose = `consent:${KZ_CITIZEN}:application:${application.id}`;
    expect(registers.calls.map((c) => `${c.path} ${c.purpose}`).sort()).toEqual(
      [
        `/persons/${KZ_CITIZEN} ${applicationPurpose}`,
        `/persons/${KZ_CITIZEN}/criminal-record ${applicationPurpose}`,
        `/persons/${KZ_CITIZEN}/income ${applicationPurpose}`,
        `/persons/${KZ_CITIZEN} case:${application.id}`,
        `/persons/${KZ_CITIZEN}/criminal-record case:${application.id}`,
      ].sort(),
    );

    const uses = await usage(citizen);
    expect(uses.map(({ description: _d, ...use }) => use)).toEqual([
      {
        kind: 'SENT',
        purpose: 'CASE',
        purposeReference: application.id,
        partner: 'TR',
        categories: ['IDENTITY', 'CRIMINAL_RECORD'],
        documentTypes: ['CRIMINAL_RECORD_CERTIFICATE'],
      },
      {
        kind: 'READ',
        purpose: 'CASE',
        purposeReference: application.id,
        partner: 'TR',
        categories: ['IDENTITY', 'CRIMINAL_RECORD'],
        documentTypes: [],
      },
      {
        kind: 'SENT',
        purpose: 'CONSENT',
        purposeReference: `${KZ_CITIZEN}:application:${application.id}`,
        partner: 'TR',
        categories: ['IDENTITY', 'CRIMINAL_RECORD', 'INCOME'],
        documentTypes: ['IDENTITY_ATTESTATION', 'CRIMINAL_RECORD_CERTIFICATE', 'INCOME_STATEMENT'],
      },
      {
        kind: 'READ',
        purpose: 'CONSENT',
        purposeReference: `${KZ_CITIZEN}:application:${application.id}`,
        partner: 'TR',
        categories: ['IDENTITY', 'CRIMINAL_RECORD', 'INCOME'],
        documentTypes: [],
      },
    ]);
    expect(uses[0]?.description).toBe(
      `Sent to TR: criminal record certificate, for the cross-border application ${application.id.slice(0, 8)}.`,
    );
    expect((await usage(citizen, 'TR'))[1]?.description).toBe(
      `Sicillerden okundu: kimlik, adli sicil, amaç: ${application.id.slice(0, 8)} numaralı sınır ötesi başvuru.`,
    );
    expect(await usage(federation.token('KZ', 'citizen', OTHER_KZ_CITIZEN))).toEqual([]);
  });

  it('a register that is down: the citizen gets REGISTER_UNAVAILABLE, the partner message waits (MESSAGE_DEFERRED) and goes through once it is back', async () => {
    const { applyAbroad: application } = expectOk(
      await graphql<{ applyAbroad: { id: string } }>(kz(), 'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }', {
        token: citizen,
        variables: {
          i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE', 'INCOME_STATEMENT'] },
        },
      }),
    );
    await eventually(async () => (await caseAtTr(application.id))?.status === 'UNDER_REVIEW');
    registers.mode = 'unavailable';
    try {
      const refused = await graphql(kz(), 'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }', {
        token: citizen,
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE'] } },
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('REGISTER_UNAVAILABLE');

      expectOk(
        await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: CRIMINAL_RECORD_CERTIFICATE) { status } }`, {
          token: trOfficer,
        }),
      );
      const trAdmin = federation.token('TR', 'admin');
      const waiting = async () =>
        nodesOf(
          expectOk(
            await graphql<{ outbox: Connection<{ msgType: string; status: string; lastError: string | null }> }>(
              tr(),
              '{ outbox(filter: {status: PENDING}) { edges { node { msgType status lastError } } } }',
              { token: trAdmin },
            ),
          ).outbox,
        ).find((m) => m.msgType === 'EVIDENCE_REQUEST');
      await eventually(async () => (await waiting())?.lastError?.includes('MESSAGE_DEFERRED') ?? false);
      expect((await waiting())?.lastError).toContain('REGISTER_UNAVAILABLE');

      const kzAdmin = federation.token('KZ', 'admin');
      const checks = expectOk(
        await graphql<{ diagnostics: { check: string; status: string; detail: string | null }[] }>(
          kz(),
          '{ diagnostics { check status detail } }',
          {
            token: kzAdmin,
          },
        ),
      ).diagnostics;
      expect(checks.find((c) => c.check === 'registers.reachable')).toMatchObject({
        status: 'FAIL',
        detail: expect.stringContaining('REGISTER_UNAVAILABLE'),
      });
      expect((await caseAtTr(application.id))?.status).toBe('EVIDENCE_REQUESTED');
    } finally {
      registers.mode = 'ok';
    }
    await eventually(async () => (await caseAtTr(application.id))?.documents.length === 4);
    expect((await caseAtTr(application.id))?.status).toBe('UNDER_REVIEW');
  });
});
