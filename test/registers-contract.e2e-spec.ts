import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, HttpRegisters, Purpose, type HttpRegistersSettings } from '@ots/registers';
import { makeTestCertificates } from './support/certificates.js';
import { PORT_SHIFT, ROOT } from './support/processes.js';
import { REGISTERS_SPEC, startPrism, startTestRegisters, type RunningPrism, type TestRegisters } from './support/registers-server.js';

/*
 * The HTTP adapter against the contract, with Stoplight Prism as the independent implementation of
 * docs/national-registers.openapi.yaml: its mock (the examples, and data it generates from the schemas), and its
 * validation proxy in front of a test server that answers from the demo file or misbehaves on demand.
 */

const AIGERIM = 'KZ:IIN:900101300123';
const API_KEY = 'kz-registers-test-key';
const purpose = () => Purpose.forConsent({ subject: AIGERIM }, 'application', 'TR');

const settings = (baseUrl: string, more: Partial<HttpRegistersSettings> = {}): HttpRegistersSettings => ({
  baseUrl,
  apiKey: API_KEY,
  tls: {},
  timeoutMs: 2_000,
  retries: 1,
  backoffMs: 20,
  breaker: { failureThreshold: 3, openMs: 60_000 },
  ...more,
});

let mock: RunningPrism;
let proxy: RunningPrism;
let strictProxy: RunningPrism;
let upstream: TestRegisters;

beforeAll(async () => {
  upstream = await startTestRegisters({ country: 'KZ', apiKey: API_KEY });
  [mock, proxy, strictProxy] = await Promise.all([
    startPrism(4790 + PORT_SHIFT, ['mock', REGISTERS_SPEC]),
    startPrism(4791 + PORT_SHIFT, ['proxy', REGISTERS_SPEC, upstream.url]),
    startPrism(4792 + PORT_SHIFT, ['proxy', '--errors', REGISTERS_SPEC, upstream.url]),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([mock?.stop(), proxy?.stop(), strictProxy?.stop(), upstream?.close()]);
});

describe('the registers contract', () => {
  it('keeps the committed client types in step with the OpenAPI file (npm run registers:types)', () => {
    const generated = execFileSync(join(ROOT, 'node_modules/.bin/openapi-typescript'), [REGISTERS_SPEC], { encoding: 'utf8' });
    const committed = readFileSync(join(ROOT, 'libs/registers/src/registers-api.generated.ts'), 'utf8');
    expect(committed).toBe(generated);
  });

  it("accepts with its zod schemas every answer Prism generates from the contract's schemas", async () => {
    const paths: [keyof typeof CONTRACT, string][] = [
      ['Person', `/persons/${AIGERIM}`],
      ['Taxpayer', '/taxpayers/780000000001'],
      ['TaxResidence', `/persons/${AIGERIM}/tax-residence/2026`],
      ['CriminalRecord', `/persons/${AIGERIM}/criminal-record`],
      ['Income', `/persons/${AIGERIM}/income`],
      ['Health', '/health'],
    ];
    for (const [schema, path] of paths)
      for (let i = 0; i < 15; i++) {
        const answer = await fetch(`${mock.url}${path}`, {
          headers: { 'x-api-key': API_KEY, 'x-ots-purpose': purpose().header, prefer: 'dynamic=true' },
        });
        expect(answer.status).toBe(200);
        const body = (await answer.json()) as unknown;
        const parsed = CONTRACT[schema].safeParse(body);
        expect(parsed.success, `${schema}: ${JSON.stringify(body)}`).toBe(true);
      }
    const problem = await fetch(`${mock.url}/persons/${AIGERIM}`, { headers: { 'x-ots-purpose': 'case:x', prefer: 'dynamic=true' } });
    expect(problem.status).toBe(401);
  });
});

describe(HttpRegisters.name, () => {
  it("reads every register through Prism's mock and gets the contract's examples, validated", async () => {
    const sut = new HttpRegisters(settings(mock.url));
    expect(await sut.person(AIGERIM, purpose())).toEqual({
      personId: AIGERIM,
      givenName: 'Aigerim',
      familyName: 'Serikqyzy',
      birthDate: '1990-01-01',
      citizenship: 'KZ',
    });
    expect(await sut.taxpayer('780000000001', purpose())).toEqual({ tin: '780000000001', personId: AIGERIM });
    expect(await sut.taxResidence(AIGERIM, 2026, purpose())).toMatchObject({ resident: true });
    expect(await sut.criminalRecord(AIGERIM, purpose())).toMatchObject({ status: 'none' });
    expect(await sut.income(AIGERIM, purpose())).toMatchObject({ year: 2025, currency: 'KZT' });
    await sut.probe();
  });

  it('names the purpose of every read to the register, and reads a missing record as undefined', async () => {
    const sut = new HttpRegisters(settings(proxy.url));
    upstream.calls.length = 0;
    expect(await sut.person('KZ:IIN:000000000000', purpose())).toBeUndefined();
    expect(await sut.income(AIGERIM, purpose(), 2019)).toBeUndefined();
    expect(await sut.person(AIGERIM, purpose())).toMatchObject({ givenName: 'Aigerim' });
    expect(upstream.calls.map((c) => c.purpose)).toEqual(Array(3).fill(`consent:${AIGERIM}:application`));
    expect(sut.breakerState.state).toBe('closed');
  });

  it('refuses an answer that breaks the contract, which Prism confirms independently', async () => {
    upstream.mode = 'out-of-contract';
    try {
      const sut = new HttpRegisters(settings(proxy.url));
      await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({ code: 'REGISTER_CONTRACT_VIOLATION', transient: true });
      // Prism's validation proxy sees the same answer and reports it as a violation of the contract.
      const raw = await fetch(`${proxy.url}/persons/${AIGERIM}`, { headers: { 'x-api-key': API_KEY, 'x-ots-purpose': 'case:x' } });
      expect(raw.headers.get('sl-violations') ?? '').toMatch(/givenName|familyName/);
      // With --errors Prism refuses to pass it on at all; the adapter reads that as a register fault, not as data.
      const strict = new HttpRegisters(settings(strictProxy.url, { retries: 0 }));
      await expect(strict.person(AIGERIM, purpose())).rejects.toMatchObject({ code: expect.stringMatching(/^REGISTER_/) });
    } finally {
      upstream.mode = 'ok';
    }
  });

  it('a wrong API key, or none, is REGISTER_ACCESS_DENIED and is not retried', async () => {
    upstream.calls.length = 0;
    const sut = new HttpRegisters(settings(proxy.url, { apiKey: 'not-the-key' }));
    await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({
      code: 'REGISTER_ACCESS_DENIED',
      extensions: { reason: 'CREDENTIALS' },
    });
    expect(upstream.calls).toHaveLength(1);
    const none = new HttpRegisters(settings(mock.url, { apiKey: undefined }));
    await expect(none.person(AIGERIM, purpose())).rejects.toMatchObject({ code: 'REGISTER_ACCESS_DENIED' });
  });

  it('a register that never answers times out per call, retries with backoff, then is REGISTER_UNAVAILABLE (TIMEOUT)', async () => {
    upstream.mode = 'hang';
    try {
      upstream.calls.length = 0;
      const sut = new HttpRegisters(settings(upstream.url, { timeoutMs: 300, retries: 2, backoffMs: 50 }));
      const started = Date.now();
      await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({
        code: 'REGISTER_UNAVAILABLE',
        extensions: { reason: 'TIMEOUT' },
      });
      const took = Date.now() - started;
      expect(upstream.calls).toHaveLength(3);
      expect(took).toBeGreaterThanOrEqual(3 * 300 + 50 + 100);
      expect(took).toBeLessThan(5_000);
    } finally {
      upstream.mode = 'ok';
    }
  });

  it('a 503 is retried; a register that stays down opens the circuit, which answers at once until a trial succeeds', async () => {
    let now = 1_000_000;
    upstream.mode = 'unavailable';
    upstream.calls.length = 0;
    const sut = new HttpRegisters(
      settings(upstream.url, { retries: 1, breaker: { failureThreshold: 2, openMs: 10_000 } }),
      undefined,
      () => now,
    );
    await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({
      code: 'REGISTER_UNAVAILABLE',
      extensions: { reason: 'SERVER_ERROR' },
    });
    expect(upstream.calls).toHaveLength(2);
    await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({ extensions: { reason: 'SERVER_ERROR' } });
    expect(sut.breakerState.state).toBe('open');
    const asked = upstream.calls.length;
    await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({
      code: 'REGISTER_UNAVAILABLE',
      extensions: { reason: 'CIRCUIT_OPEN' },
    });
    expect(upstream.calls).toHaveLength(asked);
    upstream.mode = 'ok';
    now += 10_000;
    expect(await sut.person(AIGERIM, purpose())).toMatchObject({ givenName: 'Aigerim' });
    expect(sut.breakerState.state).toBe('closed');
  });

  it('a register that is not there at all is REGISTER_UNAVAILABLE (UNREACHABLE)', async () => {
    const sut = new HttpRegisters(settings(`http://127.0.0.1:${4799 + PORT_SHIFT}`, { retries: 0 }));
    await expect(sut.person(AIGERIM, purpose())).rejects.toMatchObject({
      code: 'REGISTER_UNAVAILABLE',
      extensions: { reason: 'UNREACHABLE' },
    });
  });

  it('speaks mutual TLS, and a server certificate outside the CA is REGISTER_ACCESS_DENIED (TLS)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ots-registers-tls-'));
    const certs = makeTestCertificates(dir);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'client.key',
      '-out',
      'client.csr',
      '-subj',
      '/CN=KZ node',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'client.ext',
      '-out',
      'client.pem',
    );
    const read = (file: string) => readFileSync(file, 'utf8');
    const tlsRegisters = await startTestRegisters({
      country: 'KZ',
      tls: { cert: read(certs.certFile), key: read(certs.keyFile), ca: read(certs.caFile), requestCert: true },
    });
    try {
      const tls = { cert: read(join(dir, 'client.pem')), key: read(join(dir, 'client.key')), ca: read(certs.caFile) };
      const sut = new HttpRegisters(settings(tlsRegisters.url, { apiKey: undefined, tls, retries: 0 }));
      expect(await sut.person(AIGERIM, purpose())).toMatchObject({ givenName: 'Aigerim' });
      // The server's certificate is not of a CA the node trusts (Node's default CAs only).
      const untrusting = new HttpRegisters(
        settings(tlsRegisters.url, { apiKey: undefined, tls: { cert: tls.cert, key: tls.key }, retries: 0 }),
      );
      await expect(untrusting.person(AIGERIM, purpose())).rejects.toMatchObject({
        code: 'REGISTER_ACCESS_DENIED',
        extensions: { reason: 'TLS' },
      });
      // No client certificate: the register ends the handshake.
      const anonymous = new HttpRegisters(settings(tlsRegisters.url, { apiKey: undefined, tls: { ca: tls.ca }, retries: 0 }));
      await expect(anonymous.person(AIGERIM, purpose())).rejects.toMatchObject({
        code: expect.stringMatching(/^REGISTER_(ACCESS_DENIED|UNAVAILABLE)$/),
      });
    } finally {
      await tlsRegisters.close();
    }
  });
});
