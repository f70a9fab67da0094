import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirectoryLock, LOCK_FILE_NAME } from './data-directory-lock.js';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'ots-lock-')), 'KZ');
/** The pid of a process that has ended: nothing answers to it any more. */
const deadPid = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('the data directory lock', () => {
  it('is taken once, holds the pid, and refuses a second holder while the first lives', () => {
    const dir = freshDir();
    const lock = DataDirectoryLock.acquire(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    // The parent of this test process is alive: it stands for another node holding the directory.
    writeFileSync(join(dir, LOCK_FILE_NAME), `${process.ppid}\n`);
    expect(() => DataDirectoryLock.acquire(dir)).toThrow(
      `data directory ${dir} is in use by another node process (pid ${process.ppid}): one process per SQLite database; replicas need PostgreSQL (DATABASE_URL)`,
    );
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.ppid}\n`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });

  it('takes over a lock whose holder died, and leaves no stray files', () => {
    const dir = freshDir();
    DataDirectoryLock.acquire(dir);
    const dead = deadPid();
    writeFileSync(join(dir, LOCK_FILE_NAME), `${dead}\n`);
    const lock = DataDirectoryLock.acquire(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a lock naming this very process as stale: a restarted container may get the same pid', () => {
    const dir = freshDir();
    const first = DataDirectoryLock.acquire(dir);
    const second = DataDirectoryLock.acquire(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    second.release();
    first.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
