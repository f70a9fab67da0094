import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT, waitFor } from './processes.js';

export const REGISTERS_SPEC = join(ROOT, 'docs/national-registers.openapi.yaml');

/** How the test registers answer: within the contract, or one of the ways a real one goes wrong. */
export type RegistersMode = 'ok' | 'out-of-contract' | 'hang' | 'unavailable';

interface FilePerson {
  subject: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  tin: string;
  taxResidentYears: number[];
  annualIncome: { amount: number; currency: string; year: number };
  criminalRecord: 'none' | 'recorded';
}

export interface TestRegisters {
  url: string;
  mode: RegistersMode;
  /** Every request's method, path and `X-OTS-Purpose`, in order. */
  calls: { path: string; purpose: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A country's registers implementing docs/national-registers.openapi.yaml over the demo file's persons, so answers
 * are deterministic (Prism's generated data is not); its conformance is checked by putting Prism's validation proxy
 * in front of it. `mode` switches it to the faults the HTTP adapter must survive.
 */
export async function startTestRegisters(options: {
  country: string;
  apiKey?: string;
  port?: number;
  tls?: { cert: string; key: string; ca?: string; requestCert?: boolean };
}): Promise<TestRegisters> {
  const file = JSON.parse(readFileSync(join(ROOT, 'federation-config/citizens', `${options.country}.json`), 'utf8')) as {
    persons: FilePerson[];
  };
  const state: TestRegisters = { url: '', mode: 'ok', calls: [], close: () => Promise.resolve() };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://registers');
    const purpose = req.headers['x-ots-purpose'] as string | undefined;
    state.calls.push({ path: decodeURIComponent(url.pathname), purpose });
    const send = (status: number, body: unknown, type = status === 200 ? 'application/json' : 'application/problem+json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(JSON.stringify(body));
    };
    if (state.mode === 'hang') return;
    if (options.apiKey !== undefined && req.headers['x-api-key'] !== options.apiKey)
      return send(401, { code: 'UNAUTHORIZED', title: 'Unauthorized', status: 401 });
    if (state.mode === 'unavailable') return send(503, { code: 'UNAVAILABLE', title: 'Unavailable', status: 503 });
    const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
    if (parts[0] === 'health') return send(200, { status: 'ok' });
    const person =
      parts[0] === 'taxpayers' ? file.persons.find((p) => p.tin === parts[1]) : file.persons.find((p) => p.subject === parts[1]);
    if (!person) return send(404, { code: 'NOT_FOUND', title: 'Not found', status: 404 });
    if (state.mode === 'out-of-contract') return send(200, { personId: person.subject, givenName: 42 });
    if (parts[0] === 'taxpayers') return send(200, { tin: person.tin, personId: person.subject });
    if (parts.length === 2)
      return send(200, {
        personId: person.subject,
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: person.birthDate,
        citizenship: options.country,
      });
    if (parts[2] === 'tax-residence') {
      const year = Number(parts[3]);
      return send(200, { personId: person.subject, tin: person.tin, year, resident: person.taxResidentYears.includes(year) });
    }
    if (parts[2] === 'criminal-record')
      return send(200, { personId: person.subject, status: person.criminalRecord, checkedOn: '2026-12-01' });
    const year = url.searchParams.get('year');
    if (year !== null && Number(year) !== person.annualIncome.year)
      return send(404, { code: 'NOT_FOUND', title: 'Not found', status: 404 });
    return send(200, { personId: person.subject, ...person.annualIncome });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          cert: options.tls.cert,
          key: options.tls.key,
          ca: options.tls.ca,
          requestCert: options.tls.requestCert ?? false,
          rejectUnauthorized: options.tls.requestCert ?? false,
        },
        handler,
      )
    : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  state.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

export interface RunningPrism {
  url: string;
  stop(): Promise<void>;
}

/** Starts Stoplight Prism on the registers contract: `mock` (static examples, or `-d` generated data) or `proxy` to an upstream. */
export async function startPrism(port: number, args: string[]): Promise<RunningPrism> {
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/prism'), [...args, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitFor(() => log.includes('Prism is listening'), 60_000, 200);
  } catch {
    child.kill('SIGKILL');
    throw new Error(`prism did not start: ${log.slice(-2000)}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
