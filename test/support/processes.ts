import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Added to every port a test listens on (TEST_PORT_SHIFT), so that two checkouts on one machine can run their
 * suites at the same time without taking each other's ports.
 */
export const PORT_SHIFT = Number(process.env.TEST_PORT_SHIFT ?? 0);
export const NODE_MAIN = join(ROOT, 'dist/apps/node/src/main.js');
export const FEDCTL = join(ROOT, 'bin/fedctl.js');

export const tempDataRoot = (label: string): string => mkdtempSync(join(tmpdir(), `ots-${label}-`));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built node or fedctl to completion (for commands that end by themselves). */
export function runSync(script: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): RunResult {
  const result = spawnSync(process.execPath, [script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** fedctl in English whatever the machine's locale (it follows LC_ALL, LC_MESSAGES, LANG), unless a test asks. */
export const fedctl = (args: string[], env: NodeJS.ProcessEnv = {}): RunResult =>
  runSync(FEDCTL, args, { LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env });

export interface RunningNode {
  country: string;
  url: string;
  process: ChildProcess;
  /**
   * What the node wrote so far, the last 1 MiB of it: stderr, and stdout (its JSON log lines) when started with
   * `keepLog` (which reads stdout from the start: a test reading it by itself must not set it).
   */
  output(): string;
  stop(): Promise<void>;
}

/** Starts one real node process and waits until `/health/ready` says so. */
export async function startNode(options: {
  country: string;
  dataRoot: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  keepLog?: boolean;
}): Promise<RunningNode> {
  const child = spawn(process.execPath, [NODE_MAIN, '--country', options.country, '--port', String(options.port)], {
    env: { ...process.env, DATA_DIR: options.dataRoot, DEV_IDP: 'on', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-1_048_576));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    keep(chunk);
  });
  if (options.keepLog) child.stdout?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`${options.country} node exited: ${stderr}`);
    const response = await fetch(`${url}/health/ready`).catch(() => undefined);
    return response?.status === 200;
  }, 30_000);
  return {
    country: options.country,
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** True when nothing accepts connections on the port any more. */
export async function portIsClosed(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(1000) }).then(
    () => false,
    () => true,
  );
}
