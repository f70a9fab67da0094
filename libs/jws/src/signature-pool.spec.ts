import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCompact } from './compact-jws.js';
import { generateSignerKey } from './keys.js';
import { SignaturePool, type SignatureJob } from './signature-pool.js';

const publicPart = (jwk: Record<string, unknown>) => ({
  kty: jwk.kty as string,
  crv: jwk.crv as string,
  x: jwk.x as string,
  ...(jwk.y ? { y: jwk.y as string } : {}),
});

describe('SignaturePool', () => {
  it('checks EdDSA and ES256 signatures on worker threads, in batches, each answer for its own job', async () => {
    const pool = new SignaturePool(2);
    try {
      const [ed, es] = await Promise.all([generateSignerKey('EdDSA'), generateSignerKey('ES256')]);
      const jobs: { job: SignatureJob; expected: string }[] = [];
      for (let i = 0; i < 300; i += 1) {
        const signer = i % 3 === 0 ? es : ed;
        const jws = await signCompact({ i }, { typ: 't', kid: signer.kid }, signer.privateJwk);
        const tampered = i % 5 === 0;
        const compact = tampered
          ? jws.replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ i, tampered: true })).toString('base64url')}.`)
          : jws;
        jobs.push({
          job: { compact, alg: signer === es ? 'ES256' : 'EdDSA', keyId: signer.kid, jwk: publicPart(signer.publicJwk) },
          expected: tampered ? 'invalid' : 'valid',
        });
      }
      const outcomes = await Promise.all(jobs.map(({ job }) => pool.check(job)));
      expect(outcomes).toEqual(jobs.map((j) => j.expected));
      expect(pool.workerThreadIds).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('checks one or two signatures of a turn on the event loop, without starting a worker', async () => {
    const pool = new SignaturePool(1);
    const signer = await generateSignerKey('EdDSA');
    const jws = await signCompact({ a: 1 }, { typ: 't', kid: signer.kid }, signer.privateJwk);
    const job = { compact: jws, alg: 'EdDSA' as const, keyId: signer.kid, jwk: publicPart(signer.publicJwk) };
    expect(await Promise.all([pool.check(job), pool.check(job)])).toEqual(['valid', 'valid']);
    expect(pool.workerThreadIds).toEqual([]);
    await pool.close();
  });

  it('answers "error" for a key a worker cannot import, and starts new workers for batches after close', async () => {
    const pool = new SignaturePool(1);
    const signer = await generateSignerKey('EdDSA');
    const jws = await signCompact({ a: 1 }, { typ: 't', kid: signer.kid }, signer.privateJwk);
    const good = { compact: jws, alg: 'EdDSA' as const, keyId: signer.kid, jwk: publicPart(signer.publicJwk) };
    const broken = { ...good, keyId: 'broken', jwk: { kty: 'OKP', crv: 'Ed25519', x: 'not-a-key' } };
    const other = { ...good, keyId: 'other', jwk: publicPart(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })) };
    // Batches well over the inline limit: they can only be answered by a worker.
    const batch = (jobs: SignatureJob[]) => Promise.all(Array.from({ length: 100 }, (_, i) => pool.check(jobs[i % jobs.length])));

    const first = await batch([good, broken]);
    expect(first.filter((o) => o === 'valid')).toHaveLength(50);
    expect(first.filter((o) => o === 'error')).toHaveLength(50);
    const [firstWorker] = pool.workerThreadIds;
    expect(pool.workerThreadIds).toHaveLength(1);

    await pool.close();
    expect(pool.workerThreadIds).toEqual([]);

    const second = await batch([good, other]);
    expect(second.filter((o) => o === 'valid')).toHaveLength(50);
    expect(second.filter((o) => o === 'invalid')).toHaveLength(50);
    expect(pool.workerThreadIds).toHaveLength(1);
    expect(pool.workerThreadIds[0]).not.toBe(firstWorker);
    await pool.close();
  });

  it('answers "error" for what a worker held when it stopped, never a verdict', async () => {
    const pool = new SignaturePool(1);
    const signer = await generateSignerKey('EdDSA');
    const jws = await signCompact({ a: 1 }, { typ: 't', kid: signer.kid }, signer.privateJwk);
    const pending = Array.from({ length: 2000 }, () =>
      pool.check({ compact: jws, alg: 'EdDSA', keyId: signer.kid, jwk: publicPart(signer.publicJwk) }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    await pool.close();
    const outcomes = await Promise.all(pending);
    expect(outcomes.every((o) => o === 'valid' || o === 'error')).toBe(true);
    expect(outcomes).toContain('error');
  });

  it('replaces a worker that died before the next batch', async () => {
    const pool = new SignaturePool(2);
    try {
      const signer = await generateSignerKey('EdDSA');
      const jws = await signCompact({ a: 1 }, { typ: 't', kid: signer.kid }, signer.privateJwk);
      const job = { compact: jws, alg: 'EdDSA' as const, keyId: signer.kid, jwk: publicPart(signer.publicJwk) };
      const batch = () => Promise.all(Array.from({ length: 200 }, () => pool.check(job)));
      expect(new Set(await batch())).toEqual(new Set(['valid']));
      expect(pool.workerThreadIds).toHaveLength(2);
      // A worker crashing, as an out-of-memory kill would end it.
      const lanes = (pool as unknown as { lanes: { worker: { terminate(): Promise<number> } }[] }).lanes;
      await lanes[0]?.worker.terminate();
      expect(pool.workerThreadIds).toHaveLength(1);
      expect(new Set(await batch())).toEqual(new Set(['valid']));
      expect(pool.workerThreadIds).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });
});
