import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * pg_dump and pg_restore for the PostgreSQL path. Either may dump from a server of its own major version or older
 * only, so the tool is taken from `PG_BIN_DIR` if set, else from the newest Debian installation
 * (/usr/lib/postgresql/<major>/bin), else from PATH; `pgDump` checks its version against the server's.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string {
  const explicit = process.env.PG_BIN_DIR;
  if (explicit) return join(explicit, name);
  const root = '/usr/lib/postgresql';
  const newest = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(a) - Number(b))
        .at(-1)
    : undefined;
  return newest ? join(root, newest, 'bin', name) : name;
}

function toolMajor(tool: string): number {
  const version = execFileSync(tool, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(version);
  if (!match) throw new Error(`${tool} --version printed ${version.trim()}`);
  return Number(match[1]);
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** How many tables the database's current schema holds: a restore goes only into one with none. */
export function postgresIsEmpty(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()',
    );
    return Number(rows[0]?.n ?? 0);
  });
}

function run(tool: string, args: string[], stdin?: 'pipe'): { done: Promise<void>; child: ReturnType<typeof spawn> } {
  const child = spawn(tool, args, { stdio: [stdin ?? 'ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`)),
    );
  });
  return { done, child };
}

/** A dump in pg_dump's custom format (compressed, restored by pg_restore), taken in one snapshot by pg_dump itself. */
export async function pgDump(tool: string, url: string, to: string): Promise<void> {
  const server = await withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0]?.v) / 10000);
  });
  const major = toolMajor(tool);
  if (major < server)
    throw new Error(`${tool} is version ${major} and cannot dump a PostgreSQL ${server} server; set PG_BIN_DIR to its ${server} tools`);
  await run(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${to}`, `--dbname=${url}`]).done;
}

/** Feeds a dump to pg_restore in one transaction: a dump that fails half-way leaves the database as empty as before. */
export function pgRestore(tool: string, url: string): { write(data: Buffer): Promise<void>; close(): Promise<void> } {
  const { done, child } = run(
    tool,
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`],
    'pipe',
  );
  const stdin = child.stdin as NodeJS.WritableStream;
  // pg_restore exiting early makes writes fail with EPIPE; its own message, from `done`, says why.
  let failed: Error | undefined;
  done.catch((err: unknown) => (failed = err as Error));
  stdin.on('error', () => undefined);
  return {
    write: async (data) => {
      if (failed) throw failed;
      if (!stdin.write(data)) await Promise.race([once(stdin, 'drain'), done]);
    },
    close: async () => {
      stdin.end();
      await done;
    },
  };
}
