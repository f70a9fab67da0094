import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { HTTP } from 'cloudevents';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { graphql } from './support/graphql.js';
import { FEDCTL, PORT_SHIFT, tempDataRoot } from './support/processes.js';

/** fedctl run without blocking this process, where the subscribers answer. */
const execFileAsync = promisify(execFile);

const KZ_CITIZEN = 'KZ:IIN:900101300123';
const KZ_TIN = '780000000001';
const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };
const BACK_OFFICE_PORT = 5990 + PORT_SHIFT;
const SILENT_PORT = 5991 + PORT_SHIFT;
const SUBSCRIBERS = [
  { name: 'back-office', url: `http://127.0.0.1:${BACK_OFFICE_PORT}/ots-events`, timeoutMs: 10_000 },
  // Never answers until told to: each attempt runs into its 1 s timeout, and the second one parks the event.
  { name: 'silent', url: `http://127.0.0.1:${SILENT_PORT}/ots-events`, timeoutMs: 1000, maxAttempts: 2, types: ['decision-made'] },
];

/** One POST as the subscriber got it: the raw body, the detached signature, and the CloudEvent the SDK reads from them. */
interface Received {
  body: Buffer;
  signature: string;
  id: string;
  source: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/** A national case system: a plain HTTP server that takes CloudEvents, answering each with the status `answer` gives (none: no answer). */
class Subscriber {
  readonly accepted: Received[] = [];
  readonly attempts = new Map<string, number>();
  private server?: Server;

  constructor(private readonly answer: (attempt: number) => number | undefined) {}

  async listen(port: number): Promise<void> {
    this.server = createServer((request, response) => void this.take(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Events taken (a 2xx answered), once each by (source, id). */
  ids(): string[] {
    return this.accepted.map((e) => `${e.source} ${e.id}`);
  }

  private async take(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const event = HTTP.toEvent({ headers: request.headers, body: body.toString('utf8') }) as unknown as Omit<
      Received,
      'body' | 'signature'
    >;
    const received: Received = { ...event, body, signature: String(request.headers['x-jws-signature']) };
    const key = `${received.source} ${received.id}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const status = this.answer(attempt);
    if (status === undefined) return;
    if (status < 300) this.accepted.push(received);
    response.writeHead(status).end();
  }
}

/** Case-system events from real KZ and TR nodes to subscriber servers in the test (issue 16, part 2). */
describe('case-system events', () => {
  let federation: TestFederation;
  let silentAnswers = false;
  // The first attempt of every event is answered 500: each arrives (and is taken) only on its retry.
  const backOffice = new Subscriber((attempt) => (attempt === 1 ? 500 : 204));
  const silent = new Subscriber(() => (silentAnswers ? 200 : undefined));
  const url = (country: string) => federation.url(country);

  beforeAll(async () => {
    await backOffice.listen(BACK_OFFICE_PORT);
    await silent.listen(SILENT_PORT);
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('case-events'),
      portOffset: 1000 + PORT_SHIFT,
      countries: ['KZ', 'TR'],
      env: { RATE_LIMIT_PER_MINUTE: '0', OUTBOX_BASE_DELAY_MS: '50', CASE_EVENT_SUBSCRIBERS: JSON.stringify(SUBSCRIBERS) },
    });
  });
  afterAll(async () => {
    await federation?.down();
    await backOffice.close();
    await silent.close();
  });

  it('pushes every event of the residence-permit and tax flows once, signed with the node’s published key, past a failing and a silent subscriber', async () => {
    const citizen = federation.token('KZ', 'citizen', KZ_CITIZEN);
    const officer = federation.token('TR', 'officer', 'TR:OFFICER:7');
    // Minted before anything moves: fedctl runs synchronously and would hold up the subscribers, which live in this process.
    const admins = { KZ: federation.token('KZ', 'admin'), TR: federation.token('TR', 'admin') };
    const admin = (country: string) => admins[country as keyof typeof admins];
    const { applyAbroad: application } = expectOk(
      await graphql<{ applyAbroad: { id: string } }>(kz(), 'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }', {
        token: citizen,
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE'] } },
      }),
    );
    await eventually(async () => backOffice.accepted.some((e) => e.type === 'org.ots.case.application-received.v1'));

    // The back office works the case through the API the console uses, with an officer's token.
    expectOk(
      await graphql(tr(), `mutation { requestEvidence(caseId: "${application.id}", docType: INCOME_STATEMENT) { status } }`, {
        token: officer,
      }),
    );
    let requestId = '';
    await eventually(async () => {
      const pending = expectOk(
        await graphql<{ pendingEvidenceRequests: { id: string }[] }>(kz(), '{ pendingEvidenceRequests { id } }', { token: citizen }),
      ).pendingEvidenceRequests;
      requestId = pending[0]?.id ?? '';
      return pending.length === 1;
    });
    expectOk(await graphql(kz(), `mutation { answerEvidenceRequest(id: "${requestId}", approve: true) { status } }`, { token: citizen }));
    await eventually(async () =>
      backOffice.accepted.some((e) => e.type === 'org.ots.case.evidence-answered.v1' && e.source.endsWith('TR')),
    );
    expectOk(
      await graphql(tr(), `mutation { decideCase(id: "${application.id}", decision: APPROVE, reason: "Evidence complete") { status } }`, {
        token: officer,
      }),
    );
    expectOk(await graphql(kz(), 'mutation { requestTaxResidenceCertificate(year: 2025, forCountry: "TR") { jti } }', { token: citizen }));
    const check = expectOk(
      await graphql<{ verifyTaxpayer: { status: string } }>(
        tr(),
        `mutation { verifyTaxpayer(country: "KZ", tin: "${KZ_TIN}") { status } }`,
        {
          token: officer,
        },
      ),
    );
    expect(check.verifyTaxpayer.status).toBe('ANSWERED');

    const expected = {
      'urn:ots:node:KZ': ['decision-made', 'evidence-answered', 'evidence-requested'],
      'urn:ots:node:TR': [
        'application-received',
        'decision-made',
        'evidence-answered',
        'evidence-requested',
        'permit-issued',
        'tax-certificate-received',
        'taxpayer-check-answered',
      ],
    };
    await eventually(async () => backOffice.accepted.length >= 10);
    // Each event taken exactly once, after exactly one refused attempt.
    expect(new Set(backOffice.ids()).size).toBe(backOffice.accepted.length);
    expect([...backOffice.attempts.values()].every((n) => n === 2)).toBe(true);
    for (const [source, names] of Object.entries(expected)) {
      expect(
        backOffice.accepted
          .filter((e) => e.source === source)
          .map((e) => e.type)
          .sort(),
      ).toEqual(names.map((n) => `org.ots.case.${n}.v1`));
    }

    // Every signature verifies with the key set the node publishes, over the exact bytes received.
    const keySets = new Map<string, ReturnType<typeof createLocalJWKSet>>();
    for (const country of ['KZ', 'TR']) {
      const jwks = (await (await fetch(`${url(country)}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      keySets.set(`urn:ots:node:${country}`, createLocalJWKSet(jwks));
    }
    for (const event of [...backOffice.accepted]) {
      const [protectedHeader, empty, signature] = event.signature.split('.');
      expect(empty).toBe('');
      const verified = await compactVerify(
        `${protectedHeader}.${event.body.toString('base64url')}.${signature}`,
        keySets.get(event.source)!,
      );
      expect(verified.protectedHeader.typ).toBe('ots-case-event+jws');
      expect(JSON.parse(Buffer.from(verified.payload).toString('utf8'))).toMatchObject({ id: event.id, type: event.type });
      const tampered = Buffer.from(event.body.toString('utf8').replace(event.subject, event.subject.replace(/.$/, '0')));
      if (!tampered.equals(event.body))
        await expect(
          compactVerify(`${protectedHeader}.${tampered.toString('base64url')}.${signature}`, keySets.get(event.source)!),
        ).rejects.toThrow();
    }

    // What each back office is told: identifiers and the step's facts, no form text, no document.
    const at = (source: string, name: string) =>
      backOffice.accepted.find((e) => e.source === source && e.type === `org.ots.case.${name}.v1`)?.data;
    expect(at('urn:ots:node:TR', 'application-received')).toEqual({
      caseId: application.id,
      side: 'destination',
      partnerCountry: 'KZ',
      serviceCode: 'TR-RP-WORK',
      applicant: KZ_CITIZEN,
      documentTypes: ['identity-attestation', 'criminal-record-certificate'],
    });
    expect(at('urn:ots:node:TR', 'decision-made')).toMatchObject({
      decision: 'approved',
      decidedBy: 'TR:OFFICER:7',
      reason: 'Evidence complete',
    });
    const permit = at('urn:ots:node:TR', 'permit-issued') as { permitId: string };
    expect(at('urn:ots:node:KZ', 'decision-made')).toMatchObject({
      side: 'home',
      partnerCountry: 'TR',
      permitId: permit.permitId,
      decidedBy: null,
    });
    expect(at('urn:ots:node:KZ', 'evidence-answered')).toMatchObject({ requestId, outcome: 'provided', automatic: false });
    expect(at('urn:ots:node:TR', 'taxpayer-check-answered')).toMatchObject({ country: 'KZ', valid: true });
    expect(JSON.stringify(backOffice.accepted.map((e) => e.data))).not.toMatch(/Istanbul|eyJ/);

    // The silent subscriber: both decisions parked as dead after two timed-out attempts, seen by the admin.
    const silentState = async (country: string) =>
      expectOk(
        await graphql<{
          caseEventSubscribers: { name: string; pending: number; delivered: number; dead: number; lastError: string | null }[];
        }>(url(country), '{ caseEventSubscribers { name pending delivered dead lastError } }', { token: admin(country) }),
      ).caseEventSubscribers.find((s) => s.name === 'silent');
    await eventually(async () => (await silentState('TR'))?.dead === 1 && (await silentState('KZ'))?.dead === 1);
    expect(await silentState('TR')).toEqual({ name: 'silent', pending: 0, delivered: 0, dead: 1, lastError: 'no answer within 1000 ms' });
    expect(silent.accepted).toEqual([]);
    const metrics = await (await fetch(`${tr()}/metrics`)).text();
    expect(metrics).toContain('ots_case_events{subscriber="silent",status="dead"} 1');
    expect(metrics).toContain('ots_case_events{subscriber="back-office",status="delivered"} 7');
    const diagnostics = expectOk(
      await graphql<{ diagnostics: { check: string; status: string; value: number | null }[] }>(
        tr(),
        '{ diagnostics { check status value } }',
        {
          token: admin('TR'),
        },
      ),
    ).diagnostics;
    expect(diagnostics.find((c) => c.check === 'case-events.dead')).toMatchObject({ status: 'WARN', value: 1 });

    // Back on its feet, the subscriber gets each parked event once, under the id the back office saw.
    silentAnswers = true;
    const retried = expectOk(
      await graphql<{ retryCaseEvents: number }>(tr(), 'mutation { retryCaseEvents(subscriber: "silent") }', { token: admin('TR') }),
    );
    expect(retried.retryCaseEvents).toBe(1);
    const cli = await execFileAsync(process.execPath, [
      FEDCTL,
      '--data-dir',
      federation.dataRoot,
      '--port-offset',
      String(federation.portOffset),
      'events',
      'retry',
      '--node',
      'KZ',
      '--subscriber',
      'silent',
      '--json',
    ]);
    expect(JSON.parse(cli.stdout)).toEqual({ country: 'KZ', subscriber: 'silent', retried: 1 });
    await eventually(async () => silent.accepted.length === 2);
    const decisions = backOffice.accepted.filter((e) => e.type === 'org.ots.case.decision-made.v1').map((e) => `${e.source} ${e.id}`);
    expect(silent.ids().sort()).toEqual(decisions.sort());
    expect((await silentState('TR'))?.delivered).toBe(1);

    const unknown = await graphql(tr(), 'mutation { retryCaseEvents(subscriber: "nobody") }', { token: admin('TR') });
    expect(unknown.errors?.[0]?.extensions.code).toBe('BAD_INPUT');
    // Nothing more arrives: no event was doubled by the retries.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(backOffice.accepted.length).toBe(10);
    expect(silent.accepted.length).toBe(2);
  });

  function kz(): string {
    return url('KZ');
  }
  function tr(): string {
    return url('TR');
  }
});
