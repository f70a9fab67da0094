import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './processes.js';

export type Fault =
  | 'pass'
  | 'delay'
  | 'hang'
  | 'reset'
  | 'html'
  | '500'
  | 'bad-json'
  | 'wrong-key'
  | 'other-receipt'
  | 'corrupt-status-list'
  | 'endless-status-list';

export interface FaultProxy {
  url: string;
  /** From now on, every `deliver` call through the proxy meets this fault. */
  set(fault: Fault): Promise<void>;
  /** How many `deliver` calls the proxy has seen. */
  deliverCalls(): Promise<number>;
  /** How many bytes of endless status lists the proxy has written so far. */
  streamedBytes(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A partner as a misbehaving network or node shows it: the proxy (fault-proxy-server.mjs, its own process so
 * that tests blocking on fedctl do not stall it) sits in front of the partner's port and faults its `deliver`.
 */
export async function faultProxy(port: number, upstreamPort: number): Promise<FaultProxy> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./fault-proxy-server.mjs', import.meta.url)), String(port), String(upstreamPort)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(() => output.includes('listening'), 10_000);
  const url = `http://127.0.0.1:${port}`;
  const control = async (method: string, path: string) => {
    const response = await fetch(`${url}/__fault${path}`, { method });
    if (!response.ok) throw new Error(`fault proxy: ${await response.text()}`);
    return (await response.json()) as { mode: Fault; deliverCalls: number; streamedBytes: number };
  };
  return {
    url,
    set: async (fault) => void (await control('PUT', `/${fault}`)),
    deliverCalls: async () => (await control('GET', '')).deliverCalls,
    streamedBytes: async () => (await control('GET', '')).streamedBytes,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
