import { describe, expect, it } from 'vitest';
import { openCase } from './case-records.js';
import {
  applicationReceivedEvent,
  decisionMadeEvent,
  evidenceAnsweredEvent,
  evidenceRequestedEvent,
  permitIssuedEvent,
  taxCertificateReceivedEvent,
  taxpayerCheckAnsweredEvent,
} from './case-events.js';

const NOW = new Date('2026-12-02T06:00:00Z');
const CASE_ID = '9b2f0f4e-1111-4222-8333-444455556666';
const caseAt = (role: 'home' | 'destination') =>
  openCase(
    {
      id: CASE_ID,
      role,
      applicant: 'KZ:IIN:900101300123',
      homeCountry: 'KZ',
      destination: 'TR',
      serviceCode: 'TR-RP-WORK',
      form: { purpose: 'Software engineer at an Istanbul firm' },
      consent: ['criminal-record-certificate'],
      documents: [{ docType: 'identity-attestation', jti: 'j1', jws: 'eyJhbGciOi.x.y', reason: 'OK' }],
    },
    NOW,
  );

describe('case events', () => {
  it('names the other end of the case from either side', () => {
    expect(evidenceRequestedEvent(caseAt('destination'), { id: 'r1', docType: 'income-statement' })).toEqual({
      name: 'evidence-requested',
      subject: CASE_ID,
      data: {
        caseId: CASE_ID,
        side: 'destination',
        partnerCountry: 'KZ',
        serviceCode: 'TR-RP-WORK',
        requestId: 'r1',
        docType: 'income-statement',
      },
    });
    expect(evidenceRequestedEvent(caseAt('home'), { id: 'r1', docType: 'income-statement' }).data).toMatchObject({
      side: 'home',
      partnerCountry: 'TR',
    });
  });

  it('tells the destination who applied with which documents, never the form or the documents themselves', () => {
    const event = applicationReceivedEvent(caseAt('destination'));
    expect(event.data).toEqual({
      caseId: CASE_ID,
      side: 'destination',
      partnerCountry: 'KZ',
      serviceCode: 'TR-RP-WORK',
      applicant: 'KZ:IIN:900101300123',
      documentTypes: ['identity-attestation'],
    });
    expect(JSON.stringify(event)).not.toMatch(/Istanbul|eyJ/);
  });

  it('names the deciding officer only at the destination', () => {
    const destination = Object.assign(caseAt('destination'), { decidedBy: 'TR:OFFICER:7' });
    expect(decisionMadeEvent(destination, 'approved', 'Evidence complete', 'p1').data).toMatchObject({
      decision: 'approved',
      reason: 'Evidence complete',
      decidedBy: 'TR:OFFICER:7',
      permitId: 'p1',
    });
    const home = Object.assign(caseAt('home'), { decidedBy: 'TR:OFFICER:7' });
    expect(decisionMadeEvent(home, 'rejected', 'Incomplete', null).data).toMatchObject({ side: 'home', decidedBy: null, permitId: null });
  });

  it('says whether the consent answered an evidence request, where that is known', () => {
    expect(evidenceAnsweredEvent(caseAt('home'), { id: 'r1', docType: 'income-statement' }, true, true).data).toMatchObject({
      outcome: 'provided',
      automatic: true,
    });
    expect(evidenceAnsweredEvent(caseAt('destination'), { id: 'r1', docType: 'income-statement' }, false, null).data).toMatchObject({
      outcome: 'refused',
      automatic: null,
    });
  });

  it('dates a permit by day', () => {
    expect(permitIssuedEvent(caseAt('destination'), { jti: 'p1', expiresAt: new Date('2027-12-02T06:00:00Z') }, NOW).data).toMatchObject({
      permitId: 'p1',
      validFrom: '2026-12-02',
      validUntil: '2027-12-02',
      applicant: 'KZ:IIN:900101300123',
    });
  });

  it('keeps tax events to identifiers and the answer', () => {
    expect(taxCertificateReceivedEvent({ jti: 'c1', issuerCountry: 'KZ', subject: 'KZ:IIN:900101300123', taxYear: 2025 })).toEqual({
      name: 'tax-certificate-received',
      subject: 'c1',
      data: { certificateId: 'c1', issuerCountry: 'KZ', subject: 'KZ:IIN:900101300123', taxYear: 2025 },
    });
    expect(taxpayerCheckAnsweredEvent({ requestId: 'q1', country: 'KZ', valid: true, resident: false })).toEqual({
      name: 'taxpayer-check-answered',
      subject: 'q1',
      data: { requestId: 'q1', country: 'KZ', valid: true, resident: false },
    });
  });
});
