import { createPublicKey, verify } from 'node:crypto';
import { generateRootKey, generateSignerKey, issueSignerCertificate, signCompact } from './dist/libs/jws/src/index.js';
import { verifyDocumentChain } from './dist/libs/documents/src/document-verifier.js';
import { statusBit } from './dist/libs/documents/src/status-list.js';
const quick = true; const RUNS = 3; const median = (v) => [...v].sort((a, b) => a - b)[1];
const record = (...a) => console.log(a[1].toFixed(0), a[3].toFixed(0), a[5].toFixed(2));
async function documentVerification() {
  const root = await generateRootKey();
  const signer = await generateSignerKey('EdDSA');
  const now = Math.floor(Date.now() / 1000);
  const certificate = await issueSignerCertificate({ issuer: 'KZ', rootPrivateJwk: root.privateJwk, rootKid: root.kid, subjectPublicJwk: signer.publicJwk, use: ['doc'], notBefore: now - 60, lifetimeSeconds: 86400 });
  const count = quick ? 3000 : 8000;
  const documents = [];
  for (let i = 0; i < count; i += 1) {
    documents.push(
      await signCompact(
        { iss: 'KZ', sub: 'KZ:IIN:900101300123', jti: `d${i}`, iat: now - 10, nbf: now - 10, exp: now + 3600, doc_type: 'identity-attestation', lang: 'kk', claims: { n: i }, status: { status_list: { idx: i, uri: 'http://kz/status-lists/1' } } },
        { typ: 'ots-doc+jwt', kid: signer.kid, trust_chain: [certificate] },
        signer.privateJwk,
      ),
    );
  }
  const trust = { country: 'KZ', status: 'active', rootKeys: new Map([[root.kid, root.publicJwk]]), revokedKeys: new Map(), statusListEndpoint: 'http://kz/status-lists' };
  const view = { issuer: (c) => (c === 'KZ' ? trust : undefined) };
  const cachedList = new Uint8Array(count / 8 + 1);
  const publicKey = createPublicKey({ key: signer.publicJwk, format: 'jwk' });
  const raw = documents.map((d) => {
    const cut = d.lastIndexOf('.');
    return [Buffer.from(d.slice(0, cut)), Buffer.from(d.slice(cut + 1), 'base64url')];
  });

  const library = [];
  const baseline = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    for (const [input, signature] of raw) if (!verify(null, input, publicKey, signature)) throw new Error('raw verify failed');
    baseline.push(count / ((performance.now() - started) / 1000));
    started = performance.now();
    // 512 verifications in flight, a new one started as each finishes: the throughput of a busy verifier.
    let next = 0;
    const verifier = async () => {
      while (next < count) {
        const { payload } = await verifyDocumentChain(documents[next++], view, Math.floor(Date.now() / 1000));
        if (statusBit(cachedList, payload.status.status_list.idx) !== 0) throw new Error('revoked');
      }
    };
    await Promise.all(Array.from({ length: 512 }, verifier));
    library.push(count / ((performance.now() - started) / 1000));
  }
  const rawRate = median(baseline);
  record('verifyDocumentChain + cached status, library level (docs/s)', median(library), 'docs/s', rawRate, 'raw crypto.verify/s, one core', median(library) / rawRate, '>= 1.5', median(library) / rawRate >= 1.5);
  return rawRate;
}

await documentVerification();