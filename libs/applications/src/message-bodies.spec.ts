import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_CLAIMS, type DocType } from '@ots/documents';
import { unverifiedPayload } from '@ots/jws';
import { MSG_TYPES, type MsgType } from '@ots/messaging';
import { DestinationCaseService } from './destination-case.service.js';
import { MESSAGE_BODIES } from './message-bodies.js';
import { TaxCertificateService } from './tax-certificate.service.js';
import { applyFromKzToTr, KZ_CITIZEN, TR_OFFICER } from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

/**
 * What this node sends fits what docs/protocol publishes: every message body of a whole residence-permit and tax
 * flow parses with its MESSAGE_BODIES schema, and every document in them has the claims DOCUMENT_CLAIMS requires.
 */
describe('the bodies and documents this node sends', () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let tr: InProcessNode;

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    [kz, tr] = [federation.node('KZ'), federation.node('TR')];
  });
  afterAll(async () => federation?.stop());

  it('fit the published message and claims schemas', async () => {
    const application = await applyFromKzToTr(kz, tr, ['income-statement', 'criminal-record-certificate']);
    const cases = tr.get(DestinationCaseService);
    const officer = tr.principal(TR_OFFICER, 'officer');
    await cases.requestEvidence({ caseId: application.id, docType: 'income-statement' }, officer);
    await tr.relayTo(kz, 'evidence.request', (body) => body.applicationId === application.id);
    await kz.relayTo(tr, 'evidence.response', (body) => body.applicationId === application.id);
    await cases.decide({ id: application.id, decision: 'approve', reason: 'Evidence complete' }, officer);
    await kz.get(TaxCertificateService).request({ year: 2025, forCountry: 'TR' }, kz.principal(KZ_CITIZEN, 'citizen'));

    const sent = [...(await kz.outbox()), ...(await tr.outbox())];
    const types = new Set(sent.map((m) => m.msgType));
    for (const type of [
      'application.submit',
      'application.status',
      'evidence.request',
      'evidence.response',
      'application.decision',
    ] as const)
      expect(types).toContain(type);
    const documentTypes = new Set<string>();
    for (const message of sent) {
      expect(MSG_TYPES).toContain(message.msgType);
      const parsed = MESSAGE_BODIES[message.msgType as MsgType].safeParse(message.body);
      expect(parsed.error?.issues ?? [], message.msgType).toEqual([]);
      const body = message.body as { documents?: string[]; document?: string };
      for (const jws of [...(body.documents ?? []), ...(body.document ? [body.document] : [])]) {
        const { doc_type, claims } = unverifiedPayload<{ doc_type: DocType; claims: unknown }>(jws);
        documentTypes.add(String(doc_type));
        expect(DOCUMENT_CLAIMS[doc_type as DocType].safeParse(claims).error?.issues ?? [], String(doc_type)).toEqual([]);
      }
    }
    expect([...documentTypes].sort()).toEqual(
      ['identity-attestation', 'income-statement', 'criminal-record-certificate', 'residence-permit', 'tax-residence-certificate'].sort(),
    );
  });
});
