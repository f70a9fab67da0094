import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultProxy, type FaultProxy } from './support/fault-proxy.js';
import { allNodes, graphql, verifyDocument } from './support/graphql.js';
import { POSTGRES_BIN, privatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const PORT = { PG_NODE: 5381 + PORT_SHIFT, POSTGRES: 5382 + PORT_SHIFT, SQLITE_NODE: 5383 + PORT_SHIFT };
const PORT_LIST = { KZ: 5384 + PORT_SHIFT, TR: 5385 + PORT_SHIFT, PROXY: 5386 + PORT_SHIFT };
const SUBJECT = 'KZ:IIN:900101300123';
const quiet = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_VERIFY_PER_MINUTE: '0', LOG_LEVEL: 'error' };

interface Outcome {
  jti?: string;
  code?: string;
  message?: string;
}

const issue = async (url: string, officer: string, lang?: string): Promise<Outcome> => {
  const res = await graphql<{ issueDocument: { jti: string; jws: string } }>(
    url,
    'mutation { issueDocument(input: { docType: IDENTITY_ATTESTATION, subject: "KZ:IIN:900101300123", claims: {}, validDays: 1, lang: KK }) { jti jws } }',
    { token: officer, lang },
  ).catch((err: Error) => ({ data: null, errors: [{ message: err.message, extensions: { code: 'NO_ANSWER' } }] }));
  if (res.data) return { jti: res.data.issueDocument.jti };
  return { code: res.errors?.[0]?.extensions.code, message: res.errors?.[0]?.message };
};

const ready = async (url: string) => {
  const response = await fetch(`${url}/health/ready`).catch(() => undefined);
  return { status: response?.status, body: response ? ((await response.json()) as { database: string }) : undefined };
};

/** Every `document.issue` in the node's audit log, and whether the hash chain is intact. */
const auditOf = async (url: string, admin: string) => {
  const log = await allNodes<{ action: string; subject: string }>(url, 'auditLog', 'action subject', { token: admin });
  const check = await graphql<{ auditVerification: { intact: boolean } }>(url, '{ auditVerification { intact } }', { token: admin });
  return {
    issued: new Set(log.filter((e) => e.action === 'document.issue').map((e) => e.subject)),
    intact: check.data?.auditVerification.intact,
  };
};

/** PostgreSQL stopped under load and started again: the node says so, refuses cleanly, keeps what it took, recovers. */
describe.runIf(Boolean(POSTGRES_BIN))('a node whose PostgreSQL stops and starts again', () => {
  const dataRoot = tempDataRoot('pg-restart');
  let postgres: PrivatePostgres;
  let node: RunningNode;
  const url = `http://127.0.0.1:${PORT.PG_NODE}`;
  const token = (subject: string, role: string) =>
    fedctl(['--data-dir', dataRoot, 'token', '--country', 'KZ', '--subject', subject, '--role', role]).stdout.trim();

  beforeAll(async () => {
    postgres = await privatePostgres(PORT.POSTGRES);
    node = await startNode({ country: 'KZ', dataRoot, port: PORT.PG_NODE, env: { ...quiet, DATABASE_URL: postgres.url }, keepLog: true });
  });
  afterAll(async () => {
    await node?.stop();
    await postgres?.destroy();
  });

  it('turns not-ready, answers UNAVAILABLE, loses nothing it accepted and recovers by itself', async () => {
    const officer = token('KZ:OFFICER:1', 'officer');
    const admin = token('KZ:ADMIN:1', 'admin');
    const outcomes: Outcome[] = [];
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (loading) outcomes.push(await issue(url, officer));
      }),
    );
    await waitFor(() => outcomes.filter((o) => o.jti).length >= 20, 30_000);

    await postgres.stop();
    const stoppedAt = outcomes.length;
    await waitFor(async () => (await ready(url)).status === 503, 15_000);
    expect((await ready(url)).body?.database).toBe('down');
    await waitFor(() => outcomes.slice(stoppedAt).filter((o) => o.code === 'UNAVAILABLE').length >= 10, 15_000);
    const refused = await issue(url, officer, 'ru');
    expect(refused).toEqual({
      code: 'UNAVAILABLE',
      message: 'Узел сейчас не может обратиться к своей базе данных; ничего не изменено. Повторите попытку чуть позже.',
    });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);

    await postgres.start();
    await waitFor(async () => (await ready(url)).status === 200, 30_000);
    const restartedAt = outcomes.length;
    await waitFor(() => outcomes.slice(restartedAt).filter((o) => o.jti).length >= 20, 30_000);
    loading = false;
    await load;

    // Every failure was the clear one; none was an internal error or went unanswered.
    const unclear = outcomes.filter((o) => !o.jti && o.code !== 'UNAVAILABLE');
    expect(unclear, `the node's log:\n${node.output()}`).toEqual([]);
    const accepted = outcomes.filter((o) => o.jti).map((o) => o.jti as string);
    const { issued, intact } = await auditOf(url, admin);
    expect(accepted.filter((jti) => !issued.has(jti))).toEqual([]);
    expect(intact).toBe(true);
    expect(node.process.exitCode).toBeNull();
  });
});

/** A tmpfs of a few megabytes, or undefined where this machine does not let the test mount one. */
function smallDisk(): { dir: string; release(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ots-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'ignore' });
    return {
      dir,
      release: () => {
        execFileSync('umount', [dir]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const CAN_MOUNT = (() => {
  const probe = smallDisk();
  probe?.release();
  return Boolean(probe);
})();

/** A tmpfs of 16 MiB as the data directory, filled up: SQLite refuses writes whole, and takes them again once there is room. */
describe.runIf(CAN_MOUNT)('a node on SQLite whose disk fills up', () => {
  let disk: { dir: string; release(): void } | undefined;
  let dataRoot: string;
  let filler: string;
  let node: RunningNode;
  const url = `http://127.0.0.1:${PORT.SQLITE_NODE}`;
  const token = (subject: string, role: string) =>
    fedctl(['--data-dir', dataRoot, 'token', '--country', 'KZ', '--subject', subject, '--role', role]).stdout.trim();
  /** Writes zeros until the file system says it is full. */
  const fillDisk = () => {
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
  };

  beforeAll(async () => {
    disk = smallDisk();
    dataRoot = disk?.dir as string;
    filler = join(dataRoot, 'filler');
    mkdirSync(join(dataRoot, 'KZ'), { recursive: true });
    node = await startNode({ country: 'KZ', dataRoot, port: PORT.SQLITE_NODE, env: quiet });
  });
  afterAll(async () => {
    await node?.stop();
    disk?.release();
  });

  it('refuses writes with STORAGE_FULL and changes nothing, then writes again once there is room', async () => {
    const officer = token('KZ:OFFICER:1', 'officer');
    const admin = token('KZ:ADMIN:1', 'admin');
    const accepted: string[] = [];
    const first = await issue(url, officer);
    expect(first.jti).toBeDefined();
    accepted.push(first.jti as string);

    fillDisk();
    // Pages SQLite already holds may take a few more writes; after that every write is refused.
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 200 && outcomes.filter((o) => o.code === 'STORAGE_FULL').length < 5; i++) outcomes.push(await issue(url, officer));
    for (const o of outcomes) if (o.jti) accepted.push(o.jti);
    expect(outcomes.filter((o) => !o.jti).map((o) => o.code)).toEqual(outcomes.filter((o) => !o.jti).map(() => 'STORAGE_FULL'));
    expect(outcomes.filter((o) => o.code === 'STORAGE_FULL').length).toBe(5);
    expect(await issue(url, officer, 'en')).toEqual({
      code: 'STORAGE_FULL',
      message: "The node's storage is full; nothing was changed. Try again once its operator has made room.",
    });
    // Reads go on, and the node says it is alive.
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const during = await auditOf(url, admin);
    expect([...during.issued].sort()).toEqual([...accepted].sort());
    expect(during.intact).toBe(true);

    rmSync(filler);
    const after = await issue(url, officer);
    expect(after.jti).toBeDefined();
    accepted.push(after.jti as string);
    const { issued, intact } = await auditOf(url, admin);
    expect([...issued].sort()).toEqual([...accepted].sort());
    expect(intact).toBe(true);
    expect(node.process.exitCode).toBeNull();
  });
});

/** KZ's status list reaches TR corrupted: TR's verdict says the status was not checked, and the list is read again later. */
describe('a corrupt status list from a partner', () => {
  const dataRoot = tempDataRoot('corrupt-status');
  const nodes: RunningNode[] = [];
  let proxy: FaultProxy;
  const kzUrl = `http://127.0.0.1:${PORT_LIST.KZ}`;
  const trUrl = `http://127.0.0.1:${PORT_LIST.TR}`;
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, ...args]);

  beforeAll(async () => {
    proxy = await faultProxy(PORT_LIST.PROXY, PORT_LIST.KZ);
    nodes.push(
      ...(await Promise.all([
        startNode({ country: 'KZ', dataRoot, port: PORT_LIST.KZ, env: { ...quiet, PUBLIC_BASE_URL: proxy.url } }),
        // Partner lists cached for a second at most, so that each test below makes TR fetch the list again.
        startNode({ country: 'TR', dataRoot, port: PORT_LIST.TR, env: { ...quiet, STATUS_LIST_TTL: '1' } }),
      ])),
    );
    const thumbprint = (await graphql<{ node: { rootKeyThumbprints: string[] } }>(kzUrl, '{ node { rootKeyThumbprints } }')).data?.node
      .rootKeyThumbprints[0] as string;
    const added = cli(['trust', 'add', '--node', trUrl, '--country', 'KZ', '--thumbprint', thumbprint, '--from', proxy.url]);
    expect(added.status, added.stderr).toBe(0);
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await proxy?.close();
  });
  /** A fresh document of KZ's, whose status TR reads from KZ's list through the proxy. */
  const issuedAtKz = async () => {
    const officer = cli(['token', '--country', 'KZ', '--subject', 'KZ:OFFICER:1', '--role', 'officer']).stdout.trim();
    const res = await graphql<{ issueDocument: { jws: string } }>(
      kzUrl,
      `mutation { issueDocument(input: { docType: IDENTITY_ATTESTATION, subject: "${SUBJECT}", claims: {}, validDays: 1, lang: KK }) { jws } }`,
      { token: officer },
    );
    return res.data?.issueDocument.jws as string;
  };

  it('verifies with statusChecked false under the accept policy, and checks the status again once the list is whole', async () => {
    const jws = await issuedAtKz();
    await proxy.set('corrupt-status-list');
    expect(await verifyDocument(trUrl, jws)).toMatchObject({ valid: true, reason: 'OK', statusChecked: false, issuerCountry: 'KZ' });
    // Not cached: the same corrupt list is refused on every try, and TR keeps answering.
    expect(await verifyDocument(trUrl, jws)).toMatchObject({ valid: true, statusChecked: false });
    await proxy.set('pass');
    expect(await verifyDocument(trUrl, jws)).toMatchObject({ valid: true, reason: 'OK', statusChecked: true });
  });

  it('stops reading a status list that never ends at 2 MiB, and verifies without it', async () => {
    const jws = await issuedAtKz();
    await proxy.set('endless-status-list');
    await new Promise((r) => setTimeout(r, 1_100));
    const verdicts = await Promise.all([verifyDocument(trUrl, jws), verifyDocument(trUrl, jws)]);
    for (const verdict of verdicts) expect(verdict).toMatchObject({ valid: true, reason: 'OK', statusChecked: false });
    // Cut off at the limit (socket buffers hold a few MiB more), not read until the 3 s fetch timeout.
    const streamed = await proxy.streamedBytes();
    expect(streamed).toBeGreaterThan(2 * 1024 * 1024);
    expect(streamed).toBeLessThan(16 * 1024 * 1024);
    await proxy.set('pass');
  });
});
