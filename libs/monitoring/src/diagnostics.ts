import { Injectable, Logger } from '@nestjs/common';

export const CHECK_STATUSES = ['ok', 'warn', 'fail'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * What one check found. `check` is a stable id (`partner.reachable`) that fedctl and the console turn into a
 * sentence and a fix in the admin's language; `subject` is what it is about (a partner country, a key id);
 * `value` a number the sentence shows (days left, seconds of clock difference, messages waiting); `detail`
 * the technical reason as the node saw it (an error code, `ECONNREFUSED`), untranslated.
 */
export interface CheckResult {
  check: string;
  status: CheckStatus;
  subject?: string;
  value?: number;
  detail?: string;
}

/** A check a domain contributes: `diagnostics.register({ id: 'transparency.fork', run: async () => [...] })`. */
export interface DiagnosticCheck {
  /** The check's id, or the prefix of the ids it reports (`partner` reports `partner.reachable`, ...). */
  id: string;
  run(): Promise<CheckResult[]>;
}

/**
 * The node's self-checks, behind `fedctl doctor` and the `diagnostics` query: each domain registers its own
 * at start-up (one `register` call); `run` runs them all at once. A check that throws is reported as a
 * failure of that check, never as a failure of the whole run.
 */
@Injectable()
export class Diagnostics {
  private readonly logger = new Logger(Diagnostics.name);
  private readonly checks: DiagnosticCheck[] = [];

  register(check: DiagnosticCheck): void {
    this.checks.push(check);
  }

  async run(): Promise<CheckResult[]> {
    const results = await Promise.all(
      this.checks.map((check) =>
        check.run().catch((err: unknown): CheckResult[] => {
          this.logger.warn(`check ${check.id} failed to run: ${(err as Error).message}`);
          return [{ check: check.id, status: 'fail', detail: (err as Error).message.slice(0, 300) }];
        }),
      ),
    );
    return results.flat();
  }
}

/** The verdict of a number against its warning and failing thresholds (a higher value is worse). */
export function thresholdStatus(value: number, warnAbove: number, failAbove: number): CheckStatus {
  return value > failAbove ? 'fail' : value > warnAbove ? 'warn' : 'ok';
}
