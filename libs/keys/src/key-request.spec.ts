import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateRootKey, generateSignerKey, verifySignerCertificate, type KeyPairJwk } from '@ots/jws';
import { createKeyRequest, signKeyRequest, verifyKeyResponse, type KeyRequest } from './key-request.js';
import { KeyImportExpiredError, KeyImportMismatchError, KeyImportTamperedError, KeyRequestInvalidError } from './keys.errors.js';

const NOW = 1_780_000_000;
const DAY = 86_400;

async function signerRequest(root: KeyPairJwk, at = NOW): Promise<{ request: KeyRequest; signer: KeyPairJwk }> {
  const signer = await generateSignerKey();
  const request = createKeyRequest({
    requestId: randomUUID(),
    country: 'KZ',
    kind: 'signer',
    rootKid: root.kid,
    createdAt: at,
    payload: { iss: 'KZ', sub: signer.kid, jwk: signer.publicJwk, use: ['doc', 'msg'], iat: at, nbf: at, exp: at + 90 * DAY },
  });
  return { request, signer };
}

const offline = (root: KeyPairJwk) => ({ publicJwk: root.publicJwk, key: root.privateJwk });

describe('offline root requests', () => {
  it('round-trips a signer certificate: request, signed on the offline machine, verified on import', async () => {
    const root = await generateRootKey();
    const { request, signer } = await signerRequest(root);
    const response = await signKeyRequest(JSON.parse(JSON.stringify(request)), offline(root), NOW + 60);
    const certificate = await verifyKeyResponse(request, JSON.parse(JSON.stringify(response)), root.publicJwk, NOW + 120);
    const verified = await verifySignerCertificate(certificate, new Map([[root.kid, root.publicJwk]]), 'KZ', NOW + 120);
    expect(verified.payload.jwk).toEqual(signer.publicJwk);
  });

  it('refuses to sign for another root, a stale request, or a payload its kind does not allow', async () => {
    const root = await generateRootKey();
    const other = await generateRootKey();
    const { request } = await signerRequest(root);
    await expect(signKeyRequest(request, offline(other), NOW)).rejects.toThrow(KeyImportMismatchError);
    await expect(signKeyRequest(request, offline(root), NOW + 8 * DAY)).rejects.toThrow(KeyImportExpiredError);
    const greedy = { ...request, payload: { ...request.payload, exp: NOW + 400 * DAY } };
    await expect(signKeyRequest(greedy, offline(root), NOW)).rejects.toThrow(KeyRequestInvalidError);
    const widened = { ...request, payload: { ...request.payload, use: ['doc', 'msg', 'log'] } };
    await expect(signKeyRequest(widened, offline(root), NOW)).rejects.toThrow(KeyRequestInvalidError);
    await expect(signKeyRequest({ ...request, version: 2 }, offline(root), NOW)).rejects.toThrow(KeyRequestInvalidError);
  });

  it('refuses on import a response for another request, a changed signature or payload, and an expired one', async () => {
    const root = await generateRootKey();
    const { request } = await signerRequest(root);
    const response = await signKeyRequest(request, offline(root), NOW);

    const { request: another } = await signerRequest(root);
    await expect(verifyKeyResponse(another, response, root.publicJwk, NOW)).rejects.toThrow(KeyImportMismatchError);
    const otherRoot = await generateRootKey();
    await expect(verifyKeyResponse(request, response, otherRoot.publicJwk, NOW)).rejects.toThrow(KeyImportMismatchError);

    const [h, p, s] = response.signed.split('.') as [string, string, string];
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    await expect(verifyKeyResponse(request, { ...response, signed: `${h}.${p}.${flipped}` }, root.publicJwk, NOW)).rejects.toThrow(
      KeyImportTamperedError,
    );
    // A validly signed statement that is not what was asked for (signed by the root for another request) is refused too.
    const { request: sibling } = await signerRequest(root);
    const siblingResponse = await signKeyRequest(sibling, offline(root), NOW);
    await expect(verifyKeyResponse(request, { ...response, signed: siblingResponse.signed }, root.publicJwk, NOW)).rejects.toThrow(
      KeyImportTamperedError,
    );
    await expect(verifyKeyResponse(request, { ...response, requestSha256: 'x' }, root.publicJwk, NOW)).rejects.toThrow(
      KeyImportTamperedError,
    );
    await expect(verifyKeyResponse(request, response, root.publicJwk, NOW + 91 * DAY)).rejects.toThrow(KeyImportExpiredError);
  });

  it('signs an entity configuration of at most 45 days and a historical-keys list', async () => {
    const root = await generateRootKey();
    const base = { requestId: randomUUID(), country: 'KZ', rootKid: root.kid, createdAt: NOW };
    const ec = createKeyRequest({
      ...base,
      kind: 'entity-configuration',
      payload: { iss: 'KZ', sub: 'KZ', iat: NOW, exp: NOW + 30 * DAY, jwks: { keys: [root.publicJwk] }, metadata: {} },
    });
    const signed = await verifyKeyResponse(ec, await signKeyRequest(ec, offline(root), NOW), root.publicJwk, NOW);
    expect(signed.split('.')).toHaveLength(3);
    expect(() =>
      createKeyRequest({ ...base, kind: 'entity-configuration', payload: { iss: 'KZ', sub: 'KZ', iat: NOW, exp: NOW + 60 * DAY } }),
    ).toThrow(KeyRequestInvalidError);
    const revocation = createKeyRequest({
      ...base,
      requestId: randomUUID(),
      kind: 'revocation',
      payload: { iss: 'KZ', iat: NOW, keys: [] },
    });
    await expect(signKeyRequest(revocation, offline(root), NOW)).resolves.toMatchObject({ kind: 'revocation' });
  });
});
