import type { Command } from 'commander';
import { CliContext, UsageError } from '../cli-context.js';
import { DEMO_TEXTS, type DemoKey, type DemoLanguage } from '../demo/demo-texts.js';
import { graphqlRequest, NodeRequestError } from '../graphql-client.js';
import type { GlobalOptions } from '../output.js';

const CITIZEN = 'KZ:IIN:900101300123';
const TAXPAYER = 'KG:PIN:21203199000123';
const TAXPAYER_TIN = '21203199000123';
const FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };

class DemoStepError extends Error {}

const decode = (jws: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

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
      'against a running local federation (`npm start`), play the residence-permit and tax scenarios step by step (exit 1 if a step fails)',
    )
    .option('--lang <lang>', `language of the narration: ${Object.keys(DEMO_TEXTS).join(', ')}`, 'en')
    .action(async (options: { lang: string }, command: Command) => {
      if (!(options.lang in DEMO_TEXTS))
        throw new UsageError(`--lang must be one of ${Object.keys(DEMO_TEXTS).join(', ')}, got ${options.lang}`);
      const texts = DEMO_TEXTS[options.lang as DemoLanguage] as Record<DemoKey, string>;
      const say = (key: DemoKey, params: Record<string, unknown> = {}) =>
        process.stdout.write(
          `${key === 'title' ? '' : '• '}${texts[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))}\n`,
        );
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      try {
        say('title');
        await play(context, say, options.lang);
        say('done');
      } catch (err) {
        say('failed', { reason: err instanceof NodeRequestError ? `${err.code}: ${err.message}` : (err as Error).message });
        process.exitCode = 1;
      }
    });
}

async function play(context: CliContext, say: (key: DemoKey, params?: Record<string, unknown>) => void, lang: string): Promise<void> {
  const url = (country: string) => `${context.localUrl(country)}/graphql`;
  const call = async <T>(country: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>({ endpoint: url(country), token, query, variables, lang });

  const countries = [];
  for (const country of ['KZ', 'TR', 'KG', 'UZ']) {
    countries.push((await call<{ node: { country: string } }>(country, undefined, '{ node { country } }')).node.country);
  }
  say('nodes', { countries: countries.join(', ') });

  const citizen = await context.token('KZ', 'citizen', undefined, CITIZEN);
  const kzAdmin = await context.token('KZ', 'admin', undefined);
  const officer = await context.token('TR', 'officer', undefined, 'TR:OFFICER:demo');
  say('apply', { citizen: CITIZEN, service: 'TR-RP-WORK', consent: 'criminal-record-certificate' });
  const { applyAbroad } = await call<{ applyAbroad: { id: string; documents: { docType: string }[] } }>(
    'KZ',
    citizen,
    'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id documents { docType } } }',
    { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: ['criminal-record-certificate'] } },
  );
  const id = applyAbroad.id;
  const submit = await until('application.submit receipt', async () => {
    const { outbox } = await call<{ outbox: { jti: string; msgType: string; receipt: string | null; status: string }[] }>(
      'KZ',
      kzAdmin,
      '{ outbox(status: "delivered", last: 50) { jti msgType receipt status } }',
    );
    return outbox.find((m) => m.msgType === 'application.submit' && m.receipt);
  });
  say('submitted', { documents: applyAbroad.documents.map((d) => d.docType).join(', '), jti: submit.jti });
  const receipt = decode(submit.receipt as string);
  say('receipt', { receipt: receipt.jti, jti: receipt.msg_jti, digest: receipt.msg_sha256 });

  type Case = { id: string; status: string; documents: { docType: string; reason: string }[] };
  const caseAtTr = async () =>
    (await call<{ cases: Case[] }>('TR', officer, '{ cases { id status documents { docType reason } } }')).cases.find((c) => c.id === id);
  const reviewed = await until('TR case', async () => {
    const found = await caseAtTr();
    return found?.status === 'under-review' ? found : undefined;
  });
  say('verified', { verdicts: reviewed.documents.map((d) => `${d.docType}=${d.reason}`).join(', '), status: reviewed.status });

  await call('TR', officer, `mutation { requestEvidence(caseId: "${id}", docType: "income-statement") { status } }`);
  say('evidenceRequested', { docType: 'income-statement' });
  const request = await until(
    'evidence request at KZ',
    async () =>
      (
        await call<{ pendingEvidenceRequests: { id: string; preview: unknown }[] }>(
          'KZ',
          citizen,
          '{ pendingEvidenceRequests { id preview } }',
        )
      ).pendingEvidenceRequests[0],
  );
  say('preview', { preview: JSON.stringify(request.preview) });
  await call('KZ', citizen, `mutation { answerEvidenceRequest(id: "${request.id}", approve: true) { status } }`);
  const withIncome = await until('income statement at TR', async () => {
    const found = await caseAtTr();
    return found?.documents.find((d) => d.docType === 'income-statement');
  });
  say('approved', { docType: 'income-statement', verdict: withIncome.reason });

  await call(
    'TR',
    officer,
    `mutation { decideCase(id: "${id}", decision: approve, reason: "Documents complete and verified") { status } }`,
  );
  say('decided');
  const approved = await until('decision at KZ', async () => {
    const { myApplications } = await call<{ myApplications: { id: string; status: string; timeline: { label: string }[] }[] }>(
      'KZ',
      citizen,
      '{ myApplications { id status timeline { label } } }',
    );
    return myApplications.find((a) => a.id === id && a.status === 'approved');
  });
  const { myDocuments } = await call<{ myDocuments: { docType: string; verification: { reason: string } }[] }>(
    'KZ',
    citizen,
    '{ myDocuments { docType verification { reason } } }',
  );
  const permit = myDocuments.find((d) => d.docType === 'residence-permit');
  if (permit?.verification.reason !== 'OK') throw new DemoStepError(`residence-permit: ${permit?.verification.reason ?? 'missing'}`);
  say('permit', { verdict: permit.verification.reason, timeline: approved.timeline.map((e) => e.label).join(' → ') });

  const year = new Date().getUTCFullYear() - 1;
  const taxpayer = await context.token('KG', 'citizen', undefined, TAXPAYER);
  const { requestTaxResidenceCertificate: certificate } = await call<{ requestTaxResidenceCertificate: { jti: string } }>(
    'KG',
    taxpayer,
    `mutation { requestTaxResidenceCertificate(year: ${year}, forCountry: "UZ") { jti } }`,
  );
  say('taxCertificate', { year });
  const uzOfficer = await context.token('UZ', 'officer', undefined, 'UZ:OFFICER:demo');
  const recorded = await until('certificate at UZ', async () =>
    (
      await call<{ receivedTaxCertificates: { jti: string; subject: string; taxYear: number }[] }>(
        'UZ',
        uzOfficer,
        '{ receivedTaxCertificates { jti subject taxYear } }',
      )
    ).receivedTaxCertificates.find((c) => c.jti === certificate.jti),
  );
  say('taxRecorded', { subject: recorded.subject, year: recorded.taxYear });
  const { verifyTaxpayer } = await call<{ verifyTaxpayer: { status: string; valid: boolean; resident: boolean } }>(
    'UZ',
    uzOfficer,
    `mutation { verifyTaxpayer(country: "KG", tin: "${TAXPAYER_TIN}") { status valid resident } }`,
  );
  if (verifyTaxpayer.status !== 'answered') throw new DemoStepError('tax.tin-verification: no answer from KG');
  say('tinCheck', { tin: TAXPAYER_TIN, valid: verifyTaxpayer.valid, resident: verifyTaxpayer.resident });
}
