import type { Command } from 'commander';
import { CliContext } from '../cli-context.js';
import { DEMO_TEXTS, type DemoKey } from '../demo/demo-texts.js';
import { graphqlRequest, NodeRequestError, type NodeTarget } from '../graphql-client.js';
import { currentCliLanguage } from '../i18n/cli-language.js';
import {
  AnswerEvidenceRequestDocument,
  ApplyAbroadDocument,
  DecideCaseDocument,
  MyApplicationsDocument,
  MyDocumentsDocument,
  NodeIdentityDocument,
  OfficerCasesDocument,
  OutboxByStatusDocument,
  PendingEvidenceRequestsDocument,
  ReceivedTaxCertificatesDocument,
  RequestEvidenceDocument,
  RequestTaxResidenceCertificateDocument,
  VerifyTaxpayerDocument,
  type Language,
} from '../operations/generated.js';
import { WIRE, schemaName } from '../operations/wire-values.js';
import type { GlobalOptions } from '../output.js';
import { unverifiedPayload } from '@ots/jws';

const CITIZEN = 'KZ:IIN:900101300123';
const TAXPAYER = 'KG:PIN:21203199000123';
const TAXPAYER_TIN = '21203199000123';
const FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };

class DemoStepError extends Error {}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoStepError(`${what}: nothing after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'against a running local federation (`npm start`), play the residence-permit and tax scenarios step by step, narrated in --lang (exit 1 if a step fails)',
    )
    .action(async (_options: unknown, command: Command) => {
      const textOf = (value: unknown): string => (['string', 'number', 'boolean'].includes(typeof value) ? String(value as string) : '');
      const texts = DEMO_TEXTS[currentCliLanguage()] as Record<DemoKey, string>;
      const say = (key: DemoKey, params: Record<string, unknown> = {}) =>
        process.stdout.write(
          `${key === 'title' ? '' : '• '}${texts[key].replace(/\{(\w+)\}/g, (_, name: string) => textOf(params[name]))}\n`,
        );
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      try {
        say('title');
        await play(context, say);
        say('done');
      } catch (err) {
        say('failed', { reason: err instanceof NodeRequestError ? err.describe() : (err as Error).message });
        process.exitCode = 1;
      }
    });
}

async function play(context: CliContext, say: (key: DemoKey, params?: Record<string, unknown>) => void): Promise<void> {
  const lang = currentCliLanguage();
  const at = (country: string, token?: string): NodeTarget => ({ endpoint: `${context.localUrl(country)}/graphql`, token });

  const countries = [];
  for (const country of ['KZ', 'TR', 'KG', 'UZ']) countries.push((await graphqlRequest(at(country), NodeIdentityDocument)).node.country);
  say('nodes', { countries: countries.join(', ') });

  const citizen = at('KZ', await context.token('KZ', 'citizen', undefined, CITIZEN));
  const kzAdmin = at('KZ', await context.token('KZ', 'admin', undefined));
  const officer = at('TR', await context.token('TR', 'officer', undefined, 'TR:OFFICER:demo'));
  say('apply', { citizen: CITIZEN, service: 'TR-RP-WORK', consent: 'criminal-record-certificate' });
  const schemaLang = schemaName<Language>(lang);
  const { applyAbroad } = await graphqlRequest(citizen, ApplyAbroadDocument, {
    input: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: ['CRIMINAL_RECORD_CERTIFICATE'] },
    lang: schemaLang,
  });
  const id = applyAbroad.id;
  const submit = await until('application.submit receipt', async () => {
    const { outbox } = await graphqlRequest(kzAdmin, OutboxByStatusDocument, { status: 'DELIVERED', first: 50 });
    return outbox.edges.map((e) => e.node).find((m) => m.msgType === 'APPLICATION_SUBMIT' && m.receipt);
  });
  say('submitted', { documents: applyAbroad.documents.map((d) => WIRE.docType(d.docType)).join(', '), jti: submit.jti });
  const receipt = unverifiedPayload<{ jti: string; msg_jti: string; msg_sha256: string }>(submit.receipt as string);
  say('receipt', { receipt: receipt.jti, jti: receipt.msg_jti, digest: receipt.msg_sha256 });

  const caseAtTr = async () => (await graphqlRequest(officer, OfficerCasesDocument)).cases.edges.find((e) => e.node.id === id)?.node;
  const reviewed = await until('TR case', async () => {
    const found = await caseAtTr();
    return found?.status === 'UNDER_REVIEW' ? found : undefined;
  });
  say('verified', {
    verdicts: reviewed.documents.map((d) => `${WIRE.docType(d.docType)}=${d.reason}`).join(', '),
    status: WIRE.caseStatus(reviewed.status),
  });

  await graphqlRequest(officer, RequestEvidenceDocument, { caseId: id, docType: 'INCOME_STATEMENT', lang: schemaLang });
  say('evidenceRequested', { docType: 'income-statement' });
  const request = await until(
    'evidence request at KZ',
    async () => (await graphqlRequest(citizen, PendingEvidenceRequestsDocument)).pendingEvidenceRequests[0],
  );
  say('preview', { preview: JSON.stringify(request.preview) });
  await graphqlRequest(citizen, AnswerEvidenceRequestDocument, { id: request.id, approve: true });
  const withIncome = await until('income statement at TR', async () => {
    const found = await caseAtTr();
    return found?.documents.find((d) => d.docType === 'INCOME_STATEMENT');
  });
  say('approved', { docType: 'income-statement', verdict: withIncome.reason });

  await graphqlRequest(officer, DecideCaseDocument, {
    id,
    decision: 'APPROVE',
    reason: 'Documents complete and verified',
    lang: schemaLang,
  });
  say('decided');
  const approved = await until('decision at KZ', async () => {
    const { myApplications } = await graphqlRequest(citizen, MyApplicationsDocument, { lang: schemaLang });
    return myApplications.edges.find((e) => e.node.id === id && e.node.status === 'APPROVED')?.node;
  });
  const { myDocuments } = await graphqlRequest(citizen, MyDocumentsDocument);
  const permit = myDocuments.edges.find((e) => e.node.docType === 'RESIDENCE_PERMIT')?.node;
  if (permit?.verification.reason !== 'OK') throw new DemoStepError(`residence-permit: ${permit?.verification.reason ?? 'missing'}`);
  say('permit', { verdict: permit.verification.reason, timeline: approved.timeline.map((e) => e.label).join(' → ') });

  const year = new Date().getUTCFullYear() - 1;
  const taxpayer = at('KG', await context.token('KG', 'citizen', undefined, TAXPAYER));
  const { requestTaxResidenceCertificate: certificate } = await graphqlRequest(taxpayer, RequestTaxResidenceCertificateDocument, {
    year,
    forCountry: 'UZ',
  });
  say('taxCertificate', { year });
  const uzOfficer = at('UZ', await context.token('UZ', 'officer', undefined, 'UZ:OFFICER:demo'));
  const recorded = await until(
    'certificate at UZ',
    async () =>
      (await graphqlRequest(uzOfficer, ReceivedTaxCertificatesDocument)).receivedTaxCertificates.edges.find(
        (e) => e.node.jti === certificate.jti,
      )?.node,
  );
  say('taxRecorded', { subject: recorded.subject, year: recorded.taxYear });
  const { verifyTaxpayer } = await graphqlRequest(uzOfficer, VerifyTaxpayerDocument, { country: 'KG', tin: TAXPAYER_TIN });
  if (verifyTaxpayer.status !== 'ANSWERED') throw new DemoStepError('tax.tin-verification: no answer from KG');
  say('tinCheck', { tin: TAXPAYER_TIN, valid: verifyTaxpayer.valid, resident: verifyTaxpayer.resident });
}
