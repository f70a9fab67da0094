import { describe, expect, it } from 'vitest';
import { makeIssuer } from '../../../test/support/document-fixtures.js';
import { sha256, signEnvelope, signReceipt } from './envelope.js';
import { envelopeHeader, receiptClaims } from './message-headers.js';
import type { EnvelopePayload } from './message-types.js';
import { unverifiedPayload } from '@ots/jws';

describe('message headers', () => {
  it('reads an envelope’s header fields without its body, and its receipt’s claims', async () => {
    const kz = await makeIssuer('KZ');
    const signer = { kid: kz.signer.kid, privateJwk: kz.signer.privateJwk, certificate: kz.certificate };
    const envelope = await signEnvelope({
      iss: 'KZ',
      aud: 'TR',
      jti: 'j-1',
      msgType: 'application.status',
      body: { secret: 1 },
      signer,
      now: 1000,
    });
    const header = envelopeHeader(envelope);
    expect(header).toEqual({
      typ: 'ots-msg+jwt',
      alg: 'EdDSA',
      kid: kz.signer.kid,
      iss: 'KZ',
      aud: 'TR',
      jti: 'j-1',
      iat: 1000,
      exp: 1300,
      msgType: 'application.status',
    });
    expect(JSON.stringify(header)).not.toContain('secret');
    const receipt = await signReceipt({
      iss: 'TR',
      envelope: unverifiedPayload<EnvelopePayload>(envelope) as EnvelopePayload,
      envelopeSha256: sha256(envelope),
      signer,
    });
    expect(receiptClaims(receipt)).toMatchObject({
      typ: 'ots-receipt+jwt',
      iss: 'TR',
      aud: 'KZ',
      msgJti: 'j-1',
      msgSha256: sha256(envelope),
    });
  });
});
