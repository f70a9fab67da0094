import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { generateSignerKey } from '@ots/jws';
import { encryptionKeyOf, sealedMessage, signerOf } from './support/envelopes.js';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql } from './support/graphql.js';
import { tempDataRoot, PORT_SHIFT } from './support/processes.js';

/** `deliver` between real nodes: idempotent repeats and each refusal of docs/protocol section 6. */
describe('deliver', () => {
  let federation: TestFederation;
  const tr = () => federation.url('TR');

  beforeAll(async () => {
    federation = await TestFederation.up({
      dataRoot: tempDataRoot('deliver'),
      portOffset: 420 + PORT_SHIFT,
      countries: ['KZ', 'TR', 'KG', 'UZ'],
      env: { RATE_LIMIT_PER_MINUTE: '0' },
    });
  });
  afterAll(async () => federation?.down());

  const deliver = (url: string, message: string) =>
    graphql<{ deliver: string }>(url, 'mutation($m: String!) { deliver(message: $m) }', { variables: { m: message }, lang: 'en' });
  const statusBody = { applicationId: '00000000-0000-4000-8000-000000000000', status: 'under-review' };

  it('answers the same message delivered twice with the same receipt, and processes it once', async () => {
    const signer = signerOf(federation.dataRoot, 'UZ');
    const recipientKey = await encryptionKeyOf(federation.url('KG'));
    const jti = `repeat-${Date.now()}`;
    const body = { kind: 'request', requestId: '11111111-1111-4111-8111-111111111111', tin: '21203199000123' };
    const first = await deliver(
      federation.url('KG'),
      await sealedMessage({ from: 'UZ', to: 'KG', signer, recipientKey, msgType: 'tax.tin-verification', body, jti }),
    );
    const second = await deliver(
      federation.url('KG'),
      await sealedMessage({ from: 'UZ', to: 'KG', signer, recipientKey, msgType: 'tax.tin-verification', body, jti }),
    );
    expect(first.errors).toBeUndefined();
    expect(second.data?.deliver).toBe(first.data?.deliver);
    const receipt = JSON.parse(Buffer.from((first.data?.deliver as string).split('.')[1] as string, 'base64url').toString());
    expect(receipt).toMatchObject({ iss: 'KG', aud: 'UZ', msg_jti: jti });
    expect(receipt.msg_sha256).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const admin = federation.token('KG', 'admin');
    const log = await allNodes<{ action: string; subject: string }>(federation.url('KG'), 'auditLog', 'action subject', { token: admin });
    expect(log.filter((e) => e.action === 'message.received' && e.subject === jti)).toHaveLength(1);
  });

  it('refuses a message for another node, an expired one, one signed by an untrusted key, and one that does not decrypt, each with its code and an audit entry', async () => {
    const signer = signerOf(federation.dataRoot, 'KZ');
    const trKey = await encryptionKeyOf(tr());
    const forUz = await sealedMessage({
      from: 'KZ',
      to: 'UZ',
      signer,
      recipientKey: trKey,
      msgType: 'application.status',
      body: statusBody,
    });
    expect((await deliver(tr(), forUz)).errors?.[0]?.extensions.code).toBe('MESSAGE_WRONG_AUDIENCE');
    const expired = await sealedMessage({
      from: 'KZ',
      to: 'TR',
      signer,
      recipientKey: trKey,
      msgType: 'application.status',
      body: statusBody,
      now: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await deliver(tr(), expired)).errors?.[0]?.extensions.code).toBe('MESSAGE_EXPIRED');
    const attackerSigner = await generateSignerKey();
    const forged = await sealedMessage({
      from: 'KZ',
      to: 'TR',
      signer: { kid: attackerSigner.kid, privateJwk: attackerSigner.privateJwk, certificate: signer.certificate },
      recipientKey: trKey,
      msgType: 'application.status',
      body: statusBody,
    });
    expect((await deliver(tr(), forged)).errors?.[0]?.extensions.code).toBe('MESSAGE_UNTRUSTED');
    const { publicKey } = await generateKeyPair('ECDH-ES', { crv: 'X25519', extractable: true });
    const wrongKey = await sealedMessage({
      from: 'KZ',
      to: 'TR',
      signer,
      recipientKey: { ...(await exportJWK(publicKey)), kid: 'other' },
      msgType: 'application.status',
      body: statusBody,
    });
    expect((await deliver(tr(), wrongKey)).errors?.[0]?.extensions.code).toBe('MESSAGE_UNDECRYPTABLE');
    expect((await deliver(tr(), 'not a jwe')).errors?.[0]?.extensions.code).toBe('MESSAGE_UNDECRYPTABLE');

    const admin = federation.token('TR', 'admin');
    const log = await allNodes<{ action: string; subject: string }>(tr(), 'auditLog', 'action subject', { token: admin });
    const refusals = log.filter((e) => e.action === 'message.refused').map((e) => e.subject);
    expect(refusals).toEqual(expect.arrayContaining(['WRONG_AUDIENCE', 'EXPIRED', 'UNTRUSTED', 'UNDECRYPTABLE']));
    expect(federation.fedctl(['audit', 'verify', '--node', 'TR']).status).toBe(0);
  });
});
