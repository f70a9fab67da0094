import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, postgresTarget } from './support/databases.js';
import { issueDocument, nodeInfo, trustAnchors, verifyDocument } from './support/graphql.js';
import {
  fedctl,
  NODE_MAIN,
  portIsClosed,
  ROOT,
  runSync,
  startNode,
  tempDataRoot,
  waitFor,
  type RunningNode,
  PORT_SHIFT,
} from './support/processes.js';

const OFFSET = 800 + PORT_SHIFT;

describe('a node process', () => {
  it('keeps its keys across a restart', async () => {
    const dataRoot = tempDataRoot('restart');
    const first = await startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET });
    const before = (await nodeInfo(first.url)).data?.node.rootKeyThumbprints;
    await first.stop();
    const second = await startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET });
    try {
      expect((await nodeInfo(second.url)).data?.node.rootKeyThumbprints).toEqual(before);
    } finally {
      await second.stop();
    }
    const keyFile = readFileSync(join(dataRoot, 'KZ', 'keys.json'), 'utf8');
    expect(keyFile).toContain('"d"');
    expect(first.process.exitCode ?? 0).toBe(0);
  });

  it('refuses a second node on the same SQLite data directory with one line, and leaves the first one running', async () => {
    const dataRoot = tempDataRoot('second-node');
    const first = await startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET + 20 });
    try {
      const second = runSync(NODE_MAIN, ['--country', 'KZ', '--port', String(4001 + OFFSET + 21)], { DATA_DIR: dataRoot });
      expect(second.status).toBe(1);
      expect(second.stderr.trim().split('\n')).toEqual([
        `node: data directory ${join(dataRoot, 'KZ')} is in use by another node process (pid ${first.process.pid}): one process per SQLite database; replicas need PostgreSQL (DATABASE_URL)`,
      ]);
      expect(await portIsClosed(4001 + OFFSET + 21)).toBe(true);
      expect((await nodeInfo(first.url)).data?.node.country).toBe('KZ');
      expect(readFileSync(join(dataRoot, 'KZ', 'node.lock'), 'utf8')).toBe(`${first.process.pid}\n`);
    } finally {
      await first.stop();
    }
    // A clean stop gives the directory back: the next node starts without taking anything over.
    expect(existsSync(join(dataRoot, 'KZ', 'node.lock'))).toBe(false);
    const next = await startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET + 21 });
    await next.stop();
  });
});

describe.runIf(Boolean(POSTGRES_URL))('a node process on PostgreSQL', () => {
  it('runs its migrations on DATABASE_URL and answers', async () => {
    const database = await postgresTarget();
    const node = await startNode({
      country: 'UZ',
      dataRoot: tempDataRoot('pg-node'),
      port: 4004 + OFFSET,
      env: { DATABASE_URL: database.databaseUrl },
    });
    try {
      const ready = await fetch(`${node.url}/health/ready`).then((r) => r.json());
      expect(ready).toEqual({ status: 'ready', database: 'up', migrations: 'applied' });
      expect((await nodeInfo(node.url)).data?.node.country).toBe('UZ');
    } finally {
      await node.stop();
      await database.drop();
    }
  });
});

describe('the per-address rate limit on public queries', () => {
  it('answers RATE_LIMITED with HTTP 429 and Retry-After once the limit is spent, and spares token holders', async () => {
    const dataRoot = tempDataRoot('rate');
    const node = await startNode({ country: 'AZ', dataRoot, port: 4005 + OFFSET, env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const ask = (headers: Record<string, string> = {}) =>
        fetch(`${node.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'az', ...headers },
          body: JSON.stringify({ query: '{ node { country } }' }),
        });
      for (let i = 0; i < 3; i += 1) expect((await ask()).status).toBe(200);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await limited.json()) as { errors: { extensions: { code: string }; message: string }[] };
      expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
      const token = fedctl([
        '--data-dir',
        dataRoot,
        'token',
        '--country',
        'AZ',
        '--subject',
        'AZ:ADMIN:1',
        '--role',
        'admin',
      ]).stdout.trim();
      expect((await ask({ authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      await node.stop();
    }
  });
});

describe('bad start-up input: one line, non-zero exit, nothing written', () => {
  const start = (dataRoot: string, args: string[], env: NodeJS.ProcessEnv = {}) => runSync(NODE_MAIN, args, { DATA_DIR: dataRoot, ...env });
  const oneLine = (stderr: string) => stderr.trim().split('\n');

  it('refuses an unknown country', () => {
    const dataRoot = tempDataRoot('bad-country');
    const result = start(dataRoot, ['--country', 'XX']);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toEqual([
      'node: config: NODE_COUNTRY: unknown country XX; federation-config lists KZ, TR, KG, UZ, AZ, HU, TM',
    ]);
    expect(readdirSync(dataRoot)).toEqual([]);
  });

  it('refuses a port that is in use', async () => {
    const dataRoot = tempDataRoot('busy-port');
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(4001 + OFFSET + 50, '127.0.0.1', resolve));
    try {
      const result = start(dataRoot, ['--country', 'KZ', '--port', String(4001 + OFFSET + 50)]);
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toEqual([`node: port ${4001 + OFFSET + 50} on 127.0.0.1 is already in use`]);
      expect(readdirSync(dataRoot)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('refuses a corrupt database file and leaves it untouched', () => {
    const dataRoot = tempDataRoot('corrupt-db');
    mkdirSync(join(dataRoot, 'KZ'));
    const garbage = 'this is not an SQLite database, just text that got here somehow'.repeat(100);
    writeFileSync(join(dataRoot, 'KZ', 'node.sqlite'), garbage);
    const result = start(dataRoot, ['--country', 'KZ', '--port', String(4001 + OFFSET + 51)]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/database .*node\.sqlite cannot be opened: file is not a database/);
    expect(readdirSync(join(dataRoot, 'KZ'))).toEqual(['node.sqlite']);
    expect(readFileSync(join(dataRoot, 'KZ', 'node.sqlite'), 'utf8')).toBe(garbage);
  });

  it.each([
    ['a missing federation-config', () => {}, /federation\.json: cannot be read \(ENOENT\)/],
    [
      'a malformed federation-config',
      (dir: string) => writeFileSync(join(dir, 'federation.json'), '{"countries": ['),
      /federation\.json: not valid JSON/,
    ],
    [
      'a federation-config with a bad field',
      (dir: string) => {
        const config = JSON.parse(readFileSync(join(ROOT, 'federation-config', 'federation.json'), 'utf8'));
        config.countries[0].port = 'four thousand';
        writeFileSync(join(dir, 'federation.json'), JSON.stringify(config));
      },
      /federation\.json: countries\[0\]\.port: /,
    ],
  ])('refuses %s naming the problem', (_case, prepare, expected) => {
    const dataRoot = tempDataRoot('bad-federation');
    const configDir = tempDataRoot('federation-config');
    prepare(configDir);
    const result = start(dataRoot, ['--country', 'KZ'], { FEDERATION_CONFIG_DIR: configDir });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(expected);
    expect(readdirSync(dataRoot)).toEqual([]);
  });
});

describe('fedctl trust add', () => {
  const dataRoot = tempDataRoot('trust-add');
  let kz: RunningNode;
  let tr: RunningNode;
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args]);

  beforeAll(async () => {
    [kz, tr] = await Promise.all([
      startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET + 10, env: { PORT_OFFSET: '0' } }),
      startNode({ country: 'TR', dataRoot, port: 4002 + OFFSET, env: { STATUS_LIST_TTL: '1' } }),
    ]);
  });
  afterAll(async () => Promise.all([kz?.stop(), tr?.stop()]));

  it('refuses an entity configuration whose thumbprint does not match, and stores nothing', async () => {
    const kzThumbprint = (await nodeInfo(kz.url)).data?.node.rootKeyThumbprints[0] as string;
    const result = cli(['trust', 'add', '--node', kz.url, '--country', 'TR', '--thumbprint', kzThumbprint, '--from', tr.url]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^fedctl: THUMBPRINT_MISMATCH \(UNKNOWN_KEY\): .*: entity configuration is signed by \S+, which is not a pinned root thumbprint$/,
    );
    const token = cli(['token', '--country', 'KZ', '--subject', 'KZ:ADMIN:test', '--role', 'admin']).stdout.trim();
    expect((await trustAnchors(kz.url, token)).data?.trustAnchors).toEqual([]);
  });

  it('pins a partner whose root key matches, and lists it', async () => {
    const trThumbprint = (await nodeInfo(tr.url)).data?.node.rootKeyThumbprints[0] as string;
    const added = cli(['trust', 'add', '--node', kz.url, '--country', 'TR', '--thumbprint', trThumbprint, '--from', tr.url]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(`KZ now trusts TR (active); root keys: ${trThumbprint} [pinned]`);
    const listed = cli(['trust', 'list', '--node', kz.url, '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { country: 'TR', status: 'active', keys: [{ thumbprint: trThumbprint, source: 'pinned', status: 'active' }] },
    ]);
  });

  it('refuses bad flags with exit code 2 and a message on stderr', () => {
    const badCountry = cli(['trust', 'add', '--node', kz.url, '--country', 'XX', '--thumbprint', 'x', '--from', tr.url]);
    expect(badCountry.status).toBe(2);
    expect(badCountry.stderr).toContain('unknown country XX');
    const badThumbprint = cli(['trust', 'add', '--node', kz.url, '--country', 'TR', '--thumbprint', 'short', '--from', tr.url]);
    expect(badThumbprint.status).toBe(1);
    expect(badThumbprint.stderr).toMatch(/BAD_INPUT: .*thumbprints\[0\]: must be an RFC 7638/);
    const missing = cli(['trust', 'add', '--country', 'TR']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--thumbprint <thumbprint>' not specified");
    const badRole = cli(['token', '--country', 'KZ', '--subject', 'KZ:IIN:900101300123', '--role', 'king']);
    expect(badRole.status).toBe(2);
    const badSubject = cli(['token', '--country', 'KZ', '--subject', 'KZ:IIN:12', '--role', 'citizen']);
    expect(badSubject.status).toBe(2);
    expect(badSubject.stderr).toContain('12 is not a valid KZ IIN');
  });

  it('has --help on every command, printed on stdout', () => {
    for (const command of [
      'up',
      'token',
      'verify',
      'trust add',
      'trust list',
      'trust export',
      'trust suspend',
      'trust reactivate',
      'trust revoke',
      'trust refresh',
      'trust revoke-key',
      'trust restrict',
      'keys rotate',
      'keys retire-root',
      'audit verify',
      'federation join',
      'config reload',
    ]) {
      const args = [...command.split(' '), '--help'];
      const result = cli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Usage: fedctl/);
    }
  });
  it('says when a status list cannot be read, and applies the configured policy', async () => {
    const kzThumbprint = (await nodeInfo(kz.url)).data?.node.rootKeyThumbprints[0] as string;
    expect(cli(['trust', 'add', '--node', tr.url, '--country', 'KZ', '--thumbprint', kzThumbprint, '--from', kz.url]).status).toBe(0);
    const officer = cli(['token', '--country', 'KZ', '--subject', 'KZ:OFFICER:1', '--role', 'officer']).stdout.trim();
    const document = await issueDocument(kz.url, officer, {
      docType: 'INCOME_STATEMENT',
      subject: 'KZ:IIN:900101300123',
      claims: { annualIncome: 4200000, currency: 'KZT' },
      validDays: 10,
      lang: 'RU',
    });
    expect(await verifyDocument(tr.url, document.jws)).toMatchObject({ valid: true, reason: 'OK', statusChecked: true });
    await kz.stop();
    // Once TR's cached list (ttl 1 s) expires it cannot read KZ's any more, and says so.
    await waitFor(async () => (await verifyDocument(tr.url, document.jws)).statusChecked === false, 10_000, 100);
    expect(await verifyDocument(tr.url, document.jws)).toMatchObject({ valid: true, reason: 'OK', statusChecked: false });

    await tr.stop();
    tr = await startNode({ country: 'TR', dataRoot, port: 4002 + OFFSET, env: { STATUS_LIST_TTL: '1', STATUS_UNKNOWN_POLICY: 'reject' } });
    expect(await verifyDocument(tr.url, document.jws)).toMatchObject({ valid: false, reason: 'OK', statusChecked: false });
  });
});
