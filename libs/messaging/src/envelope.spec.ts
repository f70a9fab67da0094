import { describe, expect, it } from 'vitest';
import { generateEncryptionKey, jweHeader } from '@ots/jws';
import { makeIssuer, nowSeconds, trustViewOf } from '../../../test/support/document-fixtures.js';
import {
  decryptMessage,
  encryptEnvelope,
  MessageRefusedError,
  sha256,
  signEnvelope,
  signReceipt,
  verifyEnvelope,
  verifyReceipt,
} from './envelope.js';

async function refusalOf(attempt: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
    return 'ACCEPTED';
  } catch (err) {
    if (err instanceof MessageRefusedError) return err.refusal;
    throw err;
  }
}

describe('envelopes', () => {
  it('round-trips: sign, encrypt to X25519, decrypt, verify, receipt', async () => {
    const [kz, tr] = await Promise.all([makeIssuer('KZ'), makeIssuer('TR')]);
    const enc = await generateEncryptionKey();
    const signer = { kid: kz.signer.kid, privateJwk: kz.signer.privateJwk, certificate: kz.certificate };
    const envelope = await signEnvelope({
      iss: 'KZ',
      aud: 'TR',
      msgType: 'application.status',
      body: { applicationId: 'a', status: 'under-review' },
      signer,
    });
    const jwe = encryptEnvelope(envelope, enc.publicJwk);
    const header = jweHeader(jwe);
    expect(header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JWT', kid: enc.kid });
    const opened = decryptMessage(jwe, [enc.privateJwk]);
    expect(opened).toBe(envelope);
    const payload = await verifyEnvelope(opened, trustViewOf([kz]).issuer('KZ'), 'TR');
    expect(payload).toMatchObject({ iss: 'KZ', aud: 'TR', msg_type: 'application.status' });
    expect(payload.exp - payload.iat).toBe(300);

    const receipt = await signReceipt({
      iss: 'TR',
      envelope: payload,
      envelopeSha256: sha256(envelope),
      signer: { kid: tr.signer.kid, privateJwk: tr.signer.privateJwk, certificate: tr.certificate },
    });
    const checked = await verifyReceipt(receipt, trustViewOf([tr]).issuer('TR')!, 'KZ', payload.jti, [sha256(envelope)]);
    expect(checked).toMatchObject({ iss: 'TR', aud: 'KZ', msg_jti: payload.jti, msg_sha256: sha256(envelope) });
    await expect(verifyReceipt(receipt, trustViewOf([tr]).issuer('TR')!, 'KZ', payload.jti, ['other'])).rejects.toThrow(
      /not for this message/,
    );
  });

  it('refuses what is not for this node, out of its window, untrusted or sealed to another key', async () => {
    const kz = await makeIssuer('KZ');
    const signer = { kid: kz.signer.kid, privateJwk: kz.signer.privateJwk, certificate: kz.certificate };
    const trust = trustViewOf([kz]).issuer('KZ');
    const envelope = (now?: number) => signEnvelope({ iss: 'KZ', aud: 'TR', msgType: 'application.status', body: {}, signer, now });
    expect(await refusalOf(verifyEnvelope(await envelope(), trust, 'UZ'))).toBe('WRONG_AUDIENCE');
    expect(await refusalOf(verifyEnvelope(await envelope(nowSeconds() - 400), trust, 'TR'))).toBe('EXPIRED');
    expect(await refusalOf(verifyEnvelope(await envelope(), undefined, 'TR'))).toBe('UNTRUSTED');
    expect(await refusalOf(verifyEnvelope(await envelope(), trustViewOf([await makeIssuer('KZ')]).issuer('KZ'), 'TR'))).toBe('UNTRUSTED');
    const [mine, theirs] = await Promise.all([generateEncryptionKey(), generateEncryptionKey()]);
    const sealedToTheirs = encryptEnvelope(await envelope(), theirs.publicJwk);
    expect(await refusalOf(() => decryptMessage(sealedToTheirs, [mine.privateJwk]))).toBe('UNDECRYPTABLE');
    expect(await refusalOf(() => decryptMessage('x'.repeat(600_000), [mine.privateJwk]))).toBe('TOO_LARGE');
  });
});
