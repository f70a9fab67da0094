import type { CliMessageKey } from '../i18n/cli-messages.js';

export type Level = 'MUST' | 'SHOULD';
export type Verdict = 'ok' | 'FAIL' | 'skip';

/** One line of the report: the check's id (stable, in English), its level, its verdict and why it failed. */
export interface CheckResult {
  level: Level;
  id: string;
  text: { key: CliMessageKey; params?: Record<string, string | number> };
  verdict: Verdict;
  detail?: string;
}

/** A failed check, with what the node did instead (a code, a value), for the report's line. */
export class CheckFailure extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CheckFailure';
  }
}

/** Fails the check unless `condition`, saying what was seen. */
export function expectThat(condition: boolean, seen: string): asserts condition {
  if (!condition) throw new CheckFailure(seen);
}

/**
 * Collects the verdicts of a run and hands each to `report` as it is reached, so the admin sees progress. A check
 * is a function that returns when the node did what the spec says and throws (a CheckFailure, or anything the node
 * made happen) when it did not; it never stops the run.
 */
export class ConformanceRun {
  readonly results: CheckResult[] = [];

  constructor(private readonly report: (result: CheckResult) => void) {}

  async check(level: Level, id: string, text: CheckResult['text'], run: () => Promise<void>): Promise<boolean> {
    let result: CheckResult;
    try {
      await run();
      result = { level, id, text, verdict: 'ok' };
    } catch (err) {
      result = { level, id, text, verdict: 'FAIL', detail: err instanceof Error ? err.message : String(err) };
    }
    this.record(result);
    return result.verdict === 'ok';
  }

  skip(level: Level, id: string, text: CheckResult['text'], detail: string): void {
    this.record({ level, id, text, verdict: 'skip', detail });
  }

  get passed(): number {
    return this.results.filter((r) => r.verdict === 'ok').length;
  }

  get failed(): number {
    return this.results.filter((r) => r.verdict === 'FAIL').length;
  }

  /** Exit status: any MUST failure fails the run; SHOULD failures are reported only. */
  get mustFailed(): boolean {
    return this.results.some((r) => r.verdict === 'FAIL' && r.level === 'MUST');
  }

  private record(result: CheckResult): void {
    this.results.push(result);
    this.report(result);
  }
}
