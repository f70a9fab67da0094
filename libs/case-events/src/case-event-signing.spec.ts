import { HTTP } from 'cloudevents';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSignerKey } from '@ots/jws';
import { attachedJws, SIGNATURE_HEADER, SIGNATURE_TYP, signCloudEvent, toCloudEvent, type StoredCaseEvent } from './case-event-signing.js';

const STORED: StoredCaseEvent = {
  id: '3f8bcd2c-5b1e-4c4a-9a57-1a2b3c4d5e6f',
  name: 'decision-made',
  subject: '9b2f0f4e-1111-4222-8333-444455556666',
  time: new Date('2026-12-02T06:00:00.000Z'),
  data: { caseId: '9b2f0f4e-1111-4222-8333-444455556666', decision: 'approved', reason: 'Evidence complete — ок' },
};

describe(toCloudEvent.name, () => {
  it('names the node as source, keeps the stored id and time, and versions the type', () => {
    const event = toCloudEvent('TR', STORED);
    expect(event.toJSON()).toMatchObject({
      specversion: '1.0',
      id: STORED.id,
      source: 'urn:ots:node:TR',
      type: 'org.ots.case.decision-made.v1',
      subject: STORED.subject,
      time: '2026-12-02T06:00:00.000Z',
      datacontenttype: 'application/json',
      data: STORED.data,
    });
  });
});

describe(signCloudEvent.name, () => {
  it('sends a structured-mode CloudEvent whose exact bytes the detached JWS signs', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const key = await generateSignerKey(alg);
      const signed = await signCloudEvent(toCloudEvent('TR', STORED), { kid: key.kid, privateJwk: key.privateJwk });
      expect(signed.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      const detached = signed.headers[SIGNATURE_HEADER] as string;
      expect(detached).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
      expect(decodeProtectedHeader(detached.replace('..', '.e30.'))).toEqual({ typ: SIGNATURE_TYP, kid: key.kid, alg });

      const keys = createLocalJWKSet({ keys: [key.publicJwk] });
      const { payload } = await compactVerify(attachedJws(detached, signed.body), keys);
      expect(Buffer.from(payload).equals(signed.body)).toBe(true);
      // The SDK on the subscriber's side reads the same event from those bytes.
      expect(HTTP.toEvent({ headers: signed.headers, body: signed.body.toString('utf8') })).toMatchObject({
        id: STORED.id,
        data: STORED.data,
      });

      const altered = Buffer.from(signed.body.toString('utf8').replace('approved', 'rejected'));
      await expect(compactVerify(attachedJws(detached, altered), keys)).rejects.toThrow();
    }
  });

  it('refuses anything but a detached compact JWS as the signature', () => {
    expect(() => attachedJws('a.b.c', '{}')).toThrow('not a detached compact JWS');
    expect(() => attachedJws('a.b', '{}')).toThrow('not a detached compact JWS');
  });
});
