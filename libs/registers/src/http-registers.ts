import createClient from 'openapi-fetch';
import type { z } from 'zod';
import { agentFetch, CallTimeoutError, type TlsFiles } from './agent-fetch.js';
import { admit, closedBreaker, failed, succeeded, type Breaker, type BreakerSettings } from './circuit-breaker.js';
import type { NationalRegisters } from './national-registers.js';
import type { Purpose } from './purpose.js';
import type { paths } from './registers-api.generated.js';
import {
  CONTRACT,
  type CriminalRecordAnswer,
  type IncomeAnswer,
  type PersonAnswer,
  type TaxResidenceAnswer,
  type TaxpayerAnswer,
} from './registers-contract.js';
import {
  RegisterAccessDeniedError,
  RegisterContractViolationError,
  RegisterError,
  RegisterUnavailableError,
  type RegisterUnavailableReason,
} from './registers.errors.js';

export interface HttpRegistersSettings {
  baseUrl: string;
  /** The API key (read from REGISTERS_API_KEY_FILE), sent as `X-API-Key`. */
  apiKey?: string;
  tls: TlsFiles;
  timeoutMs: number;
  /** Further attempts after a transient failure (each read is idempotent). */
  retries: number;
  /** The first wait before a retry; each further one doubles it. */
  backoffMs: number;
  breaker: BreakerSettings;
}

/** What each call ended in, for `ots_register_calls_total{operation, outcome}`. */
export type RegisterCallOutcome = 'ok' | 'not_found' | 'unavailable' | 'contract_violation' | 'access_denied' | 'circuit_open';
export type RegisterCallObserver = (operation: string, outcome: RegisterCallOutcome) => void;

const TLS_ERRORS = /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|CERT_|ERR_OSSL_)/;

interface Answer {
  response: Response;
  data?: unknown;
  error?: unknown;
}

/**
 * The registers behind the HTTP API of docs/national-registers.openapi.yaml (REGISTERS_ADAPTER=http). The client is
 * openapi-fetch on the types generated from that file; every answer is validated with the contract's zod schemas
 * (registers-contract.ts). Each read has a deadline, transient failures are retried a bounded number of times with
 * backoff, and a circuit breaker stops asking a register that keeps failing, so callers fail fast with
 * REGISTER_UNAVAILABLE (reason CIRCUIT_OPEN) until a trial call succeeds.
 */
export class HttpRegisters implements NationalRegisters {
  readonly adapter = 'http';
  private readonly client;
  private breaker: Breaker = closedBreaker;

  constructor(
    private readonly settings: HttpRegistersSettings,
    private readonly observe: RegisterCallObserver = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.client = createClient<paths>({
      baseUrl: settings.baseUrl.replace(/\/$/, ''),
      fetch: agentFetch(settings.tls, settings.timeoutMs),
      headers: settings.apiKey ? { 'X-API-Key': settings.apiKey } : {},
    });
  }

  /** Where the breaker stands (the doctor shows it). */
  get breakerState(): Breaker {
    return this.breaker;
  }

  person(personId: string, purpose: Purpose): Promise<PersonAnswer | undefined> {
    return this.read('getPerson', CONTRACT.Person, () =>
      this.client.GET('/persons/{personId}', { params: { path: { personId }, header: { 'X-OTS-Purpose': purpose.header } } }),
    );
  }

  taxpayer(tin: string, purpose: Purpose): Promise<TaxpayerAnswer | undefined> {
    return this.read('getTaxpayer', CONTRACT.Taxpayer, () =>
      this.client.GET('/taxpayers/{tin}', { params: { path: { tin }, header: { 'X-OTS-Purpose': purpose.header } } }),
    );
  }

  taxResidence(personId: string, year: number, purpose: Purpose): Promise<TaxResidenceAnswer | undefined> {
    return this.read('getTaxResidence', CONTRACT.TaxResidence, () =>
      this.client.GET('/persons/{personId}/tax-residence/{year}', {
        params: { path: { personId, year }, header: { 'X-OTS-Purpose': purpose.header } },
      }),
    );
  }

  criminalRecord(personId: string, purpose: Purpose): Promise<CriminalRecordAnswer | undefined> {
    return this.read('getCriminalRecord', CONTRACT.CriminalRecord, () =>
      this.client.GET('/persons/{personId}/criminal-record', {
        params: { path: { personId }, header: { 'X-OTS-Purpose': purpose.header } },
      }),
    );
  }

  income(personId: string, purpose: Purpose, year?: number): Promise<IncomeAnswer | undefined> {
    return this.read('getIncome', CONTRACT.Income, () =>
      this.client.GET('/persons/{personId}/income', {
        params: { path: { personId }, query: year === undefined ? {} : { year }, header: { 'X-OTS-Purpose': purpose.header } },
      }),
    );
  }

  async probe(): Promise<void> {
    await this.read('getHealth', CONTRACT.Health, () => this.client.GET('/health'));
  }

  /** One read: admitted by the breaker, retried while transient, its answer held to the contract. */
  private async read<T>(operation: string, schema: z.ZodType<T>, call: () => Promise<Answer>): Promise<T | undefined> {
    const gate = admit(this.breaker, this.now());
    if (!gate.allowed) {
      this.observe(operation, 'circuit_open');
      throw unavailable(
        'CIRCUIT_OPEN',
        `the registers failed ${this.breaker.failures} times in a row; next trial call in ${Math.max(this.breaker.retryAt - this.now(), 0)} ms`,
      );
    }
    this.breaker = gate.next;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.attempt(schema, call);
        this.breaker = succeeded();
        this.observe(operation, answer === undefined ? 'not_found' : 'ok');
        return answer;
      } catch (err) {
        const error = err instanceof RegisterError ? err : asRegisterError(err);
        const retry = error instanceof RegisterUnavailableError && attempt < this.settings.retries && this.breaker.state === 'closed';
        if (!retry) {
          this.breaker = failed(this.breaker, this.settings.breaker, this.now());
          this.observe(operation, outcomeOf(error));
          throw error;
        }
        await sleep(this.settings.backoffMs * 2 ** attempt);
      }
    }
  }

  private async attempt<T>(schema: z.ZodType<T>, call: () => Promise<Answer>): Promise<T | undefined> {
    const { response, data } = await call();
    const status = response.status;
    if (status === 200) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new RegisterContractViolationError(
          `the registers answered out of contract: ${issue?.path.join('.') || '(body)'}: ${issue?.message}`,
          {
            status,
          },
          { extensions: { reason: 'BODY' } },
        );
      }
      return parsed.data;
    }
    if (status === 404) return undefined;
    if (status === 401 || status === 403)
      throw new RegisterAccessDeniedError(
        `the registers refused this node's credentials (HTTP ${status})`,
        { status },
        { extensions: { reason: 'CREDENTIALS' } },
      );
    if (status === 503 || status === 502 || status === 504 || status >= 500)
      throw unavailable('SERVER_ERROR', `the registers answered HTTP ${status}`);
    throw new RegisterContractViolationError(
      `the registers answered HTTP ${status}, which the contract does not allow here`,
      { status },
      {
        extensions: { reason: 'STATUS' },
      },
    );
  }
}

function unavailable(reason: RegisterUnavailableReason, message: string): RegisterUnavailableError {
  return new RegisterUnavailableError(message, { reason }, { extensions: { reason } });
}

/** A failure below HTTP: a deadline, a refused connection, a TLS handshake that did not verify, a body that is not JSON. */
function asRegisterError(err: unknown): RegisterError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (err instanceof CallTimeoutError) return unavailable('TIMEOUT', err.message);
  if (TLS_ERRORS.test(code) || /certificate|handshake|alert/i.test((err as Error).message))
    return new RegisterAccessDeniedError(
      `TLS with the registers failed: ${code || (err as Error).message}`,
      {},
      { cause: err, extensions: { reason: 'TLS' } },
    );
  if (err instanceof SyntaxError)
    return new RegisterContractViolationError(
      `the registers answered something that is not JSON`,
      {},
      { cause: err, extensions: { reason: 'BODY' } },
    );
  return unavailable('UNREACHABLE', `the registers could not be reached: ${code || (err as Error).message}`);
}

function outcomeOf(error: RegisterError): RegisterCallOutcome {
  if (error instanceof RegisterContractViolationError) return 'contract_violation';
  if (error instanceof RegisterAccessDeniedError) return 'access_denied';
  return 'unavailable';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
