import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { NODE_V8_FLAGS } from '@ots/config';
import { CliError } from './cli-error.js';

const NODE_ENTRY = fileURLToPath(new URL('../../node/src/main.js', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface NodeProcess {
  country: string;
  baseUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends, whenever that is. */
  exited: Promise<number | null>;
  lastError?: string;
  /** The child said it listens: from then on, what answers on its port is this very process. */
  listening: boolean;
}

/** The first of `ports` that something else holds, or undefined when every one is free on 127.0.0.1. */
export async function firstPortInUse<T extends { port: number }>(ports: T[]): Promise<T | undefined> {
  for (const entry of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(entry.port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) return entry;
  }
  return undefined;
}

/**
 * Starts one node process per country and owns them: each child has an
 * IPC channel, so it exits by itself if this supervisor dies, and `stop`
 * ends them all with SIGTERM (SIGKILL after a grace period).
 */
export class LocalFederation {
  readonly nodes: NodeProcess[] = [];

  start(country: string, baseUrl: string, env: NodeJS.ProcessEnv, args: string[]): NodeProcess {
    const child = spawn(process.execPath, [...NODE_V8_FLAGS, NODE_ENTRY, '--country', country, ...args], {
      // libuv's pool (WebCrypto: bearer tokens, key generation) starts while an ES-module entry is still loading, so
      // the node cannot size it itself: one thread per core keeps it from fighting the event loop and the signature
      // workers (docs/benchmarks.md). An operator's value wins.
      env: { UV_THREADPOOL_SIZE: String(Math.max(2, availableParallelism())), ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const node: NodeProcess = {
      country,
      baseUrl,
      child,
      listening: false,
      exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (stream === child.stderr) node.lastError = line;
        else if (readyLine(line).startsWith(`${country} node ready at `)) node.listening = true;
        process.stderr.write(`[${country}] ${line}\n`);
      });
    }
    this.nodes.push(node);
    return node;
  }

  /**
   * Waits until the child says it listens and `/health/ready` answers 200; fails early with the node's own last
   * words if it exits. Both, so that another process on the port is never taken for this node.
   */
  async waitReady(node: NodeProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exited = false;
    void node.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new CliError('nodeStopped', { country: node.country, message: node.lastError ?? '-' });
      if (!node.listening) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      try {
        const response = await fetch(`${node.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new CliError('notReady', { country: node.country, seconds: READY_TIMEOUT_MS / 1000 });
  }

  async stop(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        if (node.child.exitCode !== null || node.child.signalCode !== null) return;
        node.child.kill('SIGTERM');
        const timer = setTimeout(() => node.child.kill('SIGKILL'), graceMs);
        await node.exited;
        clearTimeout(timer);
      }),
    );
  }
}

/** The node's log lines are JSON unless its stdout is a terminal (libs/monitoring): the message of either. */
function readyLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const msg = (JSON.parse(line) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? msg : '';
  } catch {
    return '';
  }
}
