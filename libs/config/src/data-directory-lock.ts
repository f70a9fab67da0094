import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config.errors.js';

export const LOCK_FILE_NAME = 'node.lock';

/**
 * One process per SQLite database: the node holds `<data dir>/node.lock`, created exclusively and holding its pid,
 * for as long as it runs. The serialised transactions and the audit chain's counter assume a single writer; two
 * processes on one file would both pass their own checks and fork the chain. Replicas are the PostgreSQL way.
 */
export class DataDirectoryLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly pid: number,
  ) {}

  /** Takes the lock, or throws ConfigError naming the live holder; a lock left by a process that died is taken over. */
  static acquire(dataDir: string, pid = process.pid): DataDirectoryLock {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, LOCK_FILE_NAME);
    if (createExclusively(path, pid)) return new DataDirectoryLock(path, pid);
    const holder = readHolder(path);
    if (holder !== undefined && holder !== pid && isAlive(holder)) throw inUse(dataDir, holder);
    // Stale: set it aside under a name of our own, and check that what we set aside is still the dead holder's lock
    // (another process may have taken it over in between); if not, put it back and give way.
    const aside = `${path}.stale-${pid}`;
    try {
      renameSync(path, aside);
    } catch {
      throw inUse(dataDir, readHolder(path));
    }
    const setAside = readHolder(aside);
    if (setAside !== holder) {
      renameSync(aside, path);
      throw inUse(dataDir, setAside);
    }
    unlinkSync(aside);
    if (!createExclusively(path, pid)) throw inUse(dataDir, readHolder(path));
    return new DataDirectoryLock(path, pid);
  }

  /** Removes the lock file if it is still this process's; safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (readHolder(this.path) === this.pid) unlinkSync(this.path);
  }
}

/** Creates the lock with its content in one step (a hard link of a finished file), so nobody ever reads it half-written. */
function createExclusively(path: string, pid: number): boolean {
  const draft = `${path}.${pid}.tmp`;
  try {
    writeFileSync(draft, `${pid}\n`, { mode: 0o600 });
    linkSync(draft, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ConfigError(`cannot create ${path}: ${(err as Error).message}`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, holder: number | undefined): ConfigError {
  return new ConfigError(
    `data directory ${dataDir} is in use by another node process${holder ? ` (pid ${holder})` : ''}: one process per SQLite database; replicas need PostgreSQL (DATABASE_URL)`,
  );
}
