import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDocumentEntity, TaxRecordEntity } from './application.entities.js';
import { HomeApplicationService } from './home-application.service.js';
import { TaxCertificateService } from './tax-certificate.service.js';
import { TaxpayerCheckService } from './taxpayer-check.service.js';
import { KZ_CITIZEN, TR_OFFICER, WORK_FORM } from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

const TAX_TABLES = ['tax_record', 'citizen_document', 'issued_document', 'outbox_message', 'inbox_message', 'audit_entry'] as const;
/** Resident of KZ in 2024 only; KZ_CITIZEN (taxpayer 780000000001) every year from 2024. */
const FORMER_RESIDENT = 'KZ:IIN:920303500345';

/** Tax services between the real KZ and TR nodes, over real SQLite databases. */
describe('tax services', () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let tr: InProcessNode;

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    [kz, tr] = [federation.node('KZ'), federation.node('TR')];
  });
  afterAll(async () => federation?.stop());

  describe('the tax residence certificate', () => {
    const request = (input: Record<string, unknown>, subject = KZ_CITIZEN) =>
      kz.get(TaxCertificateService).request({ year: 2025, forCountry: 'TR', ...input }, kz.principal(subject, 'citizen'));

    it('is issued from the records, filed for the citizen and sent to the partner, which keeps it once verified', async () => {
      const issued = await request({});
      expect(await kz.dataSource.getRepository(CitizenDocumentEntity).findOneBy({ jti: issued.jti })).toMatchObject({
        holder: KZ_CITIZEN,
        docType: 'tax-residence-certificate',
        applicationId: null,
      });
      const [message] = (await kz.outbox('tax.residence-certificate')).filter((m) => m.body.document === issued.jws);
      expect(message).toMatchObject({ recipient: 'TR', body: { forYear: 2025 } });
      expect((await kz.audit('tax.residence-certificate')).at(-1)).toMatchObject({ actor: KZ_CITIZEN, subject: issued.jti });

      await kz.relayTo(tr, 'tax.residence-certificate', (body) => body.document === issued.jws);
      const [received] = (await tr.get(TaxCertificateService).received({})).edges.map((e) => e.node).filter((r) => r.id === issued.jti);
      expect(received).toMatchObject({ country: 'KZ', subject: KZ_CITIZEN, status: 'recorded', detail: { taxYear: 2025, reason: 'OK' } });
      expect((received?.detail as { claims: Record<string, unknown> }).claims).toMatchObject({
        taxYear: 2025,
        residentOf: 'KZ',
        issuedFor: 'TR',
      });
    });

    it('is refused, with its code and no write, for a year of no residence, a bad year, an unknown person or a non-partner', async () => {
      const nextYear = new Date().getUTCFullYear() + 1;
      for (const [input, code, subject] of [
        [{}, 'NOT_RESIDENT', FORMER_RESIDENT],
        [{ year: 1980 }, 'BAD_INPUT'],
        [{ year: nextYear }, 'BAD_INPUT'],
        [{ year: 2025.5 }, 'BAD_INPUT'],
        [{}, 'UNKNOWN_PERSON', 'KZ:IIN:000000000000'],
        [{ forCountry: 'KZ' }, 'PARTNER_NOT_TRUSTED'],
        [{ forCountry: 'UZ' }, 'PARTNER_NOT_TRUSTED'],
      ] as const) {
        const before = await kz.counts(TAX_TABLES);
        await expect(request(input, subject)).rejects.toMatchObject({ code });
        expect(await kz.counts(TAX_TABLES)).toEqual(before);
      }
    });

    it('is not kept by the partner unless it verifies as a certificate the sender issued', async () => {
      const application = await kz
        .get(HomeApplicationService)
        .applyAbroad({ country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent: [] }, kz.principal(KZ_CITIZEN, 'citizen'));
      const before = await tr.counts(TAX_TABLES);
      for (const document of [application.documents[0]?.jws, 'not.a.document']) {
        await expect(tr.receiveFrom(kz, 'tax.residence-certificate', { document, forYear: 2025 })).rejects.toMatchObject({
          params: { reason: 'EVIDENCE_NOT_VERIFIED' },
        });
      }
      expect(await tr.counts(TAX_TABLES)).toEqual({ ...before, audit_entry: (before.audit_entry ?? 0) + 2 });
    });
  });

  describe('the taxpayer-number check', () => {
    const officer = () => tr.principal(TR_OFFICER, 'officer');
    const checks = () => tr.get(TaxpayerCheckService);
    /** KZ answers every question TR asked about `requestIds`, and TR receives the answers. */
    const answerAll = async (requestIds: string[]) => {
      for (const requestId of requestIds) await tr.relayTo(kz, 'tax.tin-verification', (body) => body.requestId === requestId);
      for (const requestId of requestIds) await kz.relayTo(tr, 'tax.tin-verification', (body) => body.requestId === requestId);
    };

    it('asks about a list in one transaction, one message each, and learns only valid and resident', async () => {
      const before = await tr.counts(TAX_TABLES);
      const tins = ['780000000001', '000000000000', '780000000003'];
      const pending = await checks().verifyTaxpayers({ country: 'KZ', tins }, officer());
      expect(pending.map((c) => c.status)).toEqual(['pending', 'pending', 'pending']);
      const requestIds = pending.map((c) => c.requestId);
      const asked = (await tr.outbox('tax.tin-verification')).filter((m) => requestIds.includes(m.body.requestId as string));
      expect(asked.map((m) => [m.recipient, m.body.kind, m.body.tin])).toEqual(tins.map((tin) => ['KZ', 'request', tin]));
      const after = await tr.counts(TAX_TABLES);
      expect(after).toEqual({
        ...before,
        tax_record: (before.tax_record ?? 0) + 3,
        outbox_message: (before.outbox_message ?? 0) + 3,
        audit_entry: (before.audit_entry ?? 0) + 1,
      });
      expect((await tr.audit('tax.tin-verification')).at(-1)).toMatchObject({ actor: TR_OFFICER });

      await answerAll(requestIds);
      const answers = (await kz.outbox('tax.tin-verification')).filter((m) => requestIds.includes(m.body.requestId as string));
      for (const answer of answers) expect(Object.keys(answer.body).sort()).toEqual(['kind', 'requestId', 'resident', 'valid']);
      const listed = (await checks().checks({ requestIds }, {})).edges.map((e) => e.node);
      expect(new Map(listed.map((c) => [c.requestId, c]))).toEqual(
        new Map([
          [requestIds[0], { requestId: requestIds[0], country: 'KZ', status: 'answered', valid: true, resident: true }],
          [requestIds[1], { requestId: requestIds[1], country: 'KZ', status: 'answered', valid: false, resident: false }],
          [requestIds[2], { requestId: requestIds[2], country: 'KZ', status: 'answered', valid: true, resident: false }],
        ]),
      );
      expect((await checks().checks({ requestIds: [randomUUID()] }, {})).edges).toEqual([]);
    });

    it('waits for the answer to a single check, and is woken when it arrives', async () => {
      const asking = checks().verifyTaxpayer({ country: 'KZ', tin: '780000000001' }, officer());
      let requestId: string | undefined;
      while (!requestId) {
        const records = await tr.dataSource.getRepository(TaxRecordEntity).find({ where: { kind: 'tin-check', status: 'pending' } });
        requestId = records[0]?.id;
      }
      await answerAll([requestId]);
      expect(await asking).toEqual({ requestId, country: 'KZ', status: 'answered', valid: true, resident: true });
      expect(await checks().check({ requestId })).toMatchObject({ status: 'answered' });
    });

    it('refuses a bad question, an unknown check and an answer to a question never asked, with no write', async () => {
      const before = await tr.counts(TAX_TABLES);
      for (const refused of [
        checks().verifyTaxpayers({ country: 'KZ', tins: [] }, officer()),
        checks().verifyTaxpayers({ country: 'KZ', tins: Array.from({ length: 1001 }, () => '1') }, officer()),
        checks().verifyTaxpayer({ country: 'kz', tin: '1' }, officer()),
        checks().checks({ requestIds: ['not-a-uuid'] }, {}),
        checks().check({ requestId: randomUUID() }),
      ])
        await expect(refused).rejects.toMatchObject({ code: 'BAD_INPUT' });
      await expect(checks().verifyTaxpayer({ country: 'UZ', tin: '1' }, officer())).rejects.toMatchObject({ code: 'PARTNER_NOT_TRUSTED' });
      expect(await tr.counts(TAX_TABLES)).toEqual(before);

      const answer = { kind: 'answer', requestId: randomUUID(), valid: true, resident: true };
      await expect(tr.receiveFrom(kz, 'tax.tin-verification', answer)).rejects.toMatchObject({ code: 'MESSAGE_NOT_ACCEPTED' });
      expect(await tr.counts(TAX_TABLES)).toEqual({ ...before, audit_entry: (before.audit_entry ?? 0) + 1 });
    });
  });
});
