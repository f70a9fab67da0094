import { spawn, type ChildProcess } from 'node:child_process';
import { FEDCTL, fedctl, portIsClosed, waitFor, type RunResult } from './processes.js';

/**
 * A local federation started the way a tester starts one: `fedctl up` as a
 * child process. Helpers talk to its nodes by country.
 */
export class TestFederation {
  private constructor(
    readonly dataRoot: string,
    readonly portOffset: number,
    readonly countries: string[],
    readonly child: ChildProcess,
    /** Resolves with `fedctl up`'s exit code. */
    readonly exited: Promise<number | null>,
    private readonly basePorts: Record<string, number>,
    /** Everything `fedctl up` printed on stdout so far (the table). */
    readonly stdout: () => string,
  ) {}

  static async up(options: {
    dataRoot: string;
    portOffset: number;
    countries: string[];
    env?: NodeJS.ProcessEnv;
  }): Promise<TestFederation> {
    const child = spawn(
      process.execPath,
      [
        FEDCTL,
        '--data-dir',
        options.dataRoot,
        '--port-offset',
        String(options.portOffset),
        'up',
        '--countries',
        options.countries.join(','),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...options.env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`fedctl up exited early: ${stderr}`);
      return stdout.includes('ready in');
    }, 60_000);
    const basePorts = { KZ: 4001, TR: 4002, KG: 4003, UZ: 4004, AZ: 4005, HU: 4006, TM: 4007 };
    return new TestFederation(options.dataRoot, options.portOffset, options.countries, child, exited, basePorts, () => stdout);
  }

  port(country: string): number {
    return (this.basePorts[country] as number) + this.portOffset;
  }

  url(country: string): string {
    return `http://127.0.0.1:${this.port(country)}`;
  }

  /** Runs fedctl against this federation's data and ports. */
  fedctl(args: string[]): RunResult {
    return fedctl(['--data-dir', this.dataRoot, '--port-offset', String(this.portOffset), ...args]);
  }

  token(country: string, role: 'citizen' | 'officer' | 'admin', subject = `${country}:STAFF:${role}`): string {
    const result = this.fedctl(['token', '--country', country, '--subject', subject, '--role', role]);
    if (result.status !== 0) throw new Error(`fedctl token failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  async down(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
    await waitFor(async () => (await Promise.all(this.countries.map((c) => portIsClosed(this.port(c))))).every(Boolean), 15_000);
  }
}
