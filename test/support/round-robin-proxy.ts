import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './processes.js';

/** Puts replicas behind one address, the way a country would, each request to the next upstream. */
export async function roundRobinProxy(port: number, upstreams: number[]): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./round-robin-proxy-server.mjs', import.meta.url)), String(port), ...upstreams.map(String)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(() => output.includes('listening'), 10_000);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
