import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, nodeInfo } from './support/graphql.js';
import { FEDCTL, fedctl, startNode, tempDataRoot, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 1150 + PORT_SHIFT;

/** Onboarding a country the way an admin does it: one `fedctl federation join` over three real nodes, ending in its proof. */
describe('fedctl federation join', () => {
  const dataRoot = tempDataRoot('federation-join');
  const nodes: Record<string, RunningNode> = {};
  const roots: Record<string, string> = {};
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args], env);
  /** fedctl with the admin's answers typed on standard input. */
  const answering = (answers: string, args: string[]) =>
    spawnSync(process.execPath, [FEDCTL, '--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args], {
      input: answers,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' },
      timeout: 60_000,
    });
  const anchorsAt = async (country: string) =>
    (
      await graphql<{ trustAnchors: { country: string; status: string; servicesAllowed: string[] | null }[] }>(
        nodes[country].url,
        '{ trustAnchors { country status servicesAllowed } }',
        { token: cli(['token', '--country', country, '--subject', `${country}:ADMIN:t`, '--role', 'admin']).stdout.trim() },
      )
    ).data?.trustAnchors ?? [];
  const pinsFile = (lines: string[]) => {
    const path = join(dataRoot, `pins-${lines.length}-${Date.now()}.txt`);
    writeFileSync(path, `# thumbprints read out by each admin on the phone\n${lines.join('\n')}\n`);
    return path;
  };

  beforeAll(async () => {
    const started = await Promise.all(
      [
        ['KZ', 4001],
        ['TR', 4002],
        ['HU', 4006],
      ].map(([country, port]) => startNode({ country: country as string, dataRoot, port: (port as number) + OFFSET })),
    );
    for (const node of started) {
      nodes[node.country] = node;
      roots[node.country] = (await nodeInfo(node.url)).data?.node.rootKeyThumbprints[0] as string;
    }
  });
  afterAll(async () => Promise.all(Object.values(nodes).map((n) => n.stop())));

  it('pins only what the admin confirmed on the terminal: a declined partner stays out and the join says it is not complete', async () => {
    // Asked in order: HU (the new node), KZ, TR; the admin declines KZ.
    const run = answering('y\nn\ny\n', ['federation', 'join', '--node', 'HU', '--partners', 'KZ,TR']);
    expect(run.stderr).toContain(`Is ${roots.KZ} the thumbprint KZ gave you out of band? [y/N]`);
    expect(run.stdout).toContain(`KZ at ${nodes.KZ.url} announces root key ${roots.KZ}`);
    expect(run.stdout).toContain('KZ: not confirmed; nobody pins it');
    expect(run.stdout).toMatch(/HU trusts KZ\s+not pinned\s+all\s+-/);
    expect(run.stdout).toMatch(new RegExp(`HU trusts TR\\s+${roots.TR}\\s+all\\s+OK`));
    expect(run.stdout).toMatch(new RegExp(`TR trusts HU\\s+${roots.HU}\\s+all\\s+OK`));
    expect(run.stdout).toContain('HU: 2 of 4 links not proven');
    expect(run.status).toBe(1);
    expect((await anchorsAt('KZ')).map((a) => a.country)).toEqual([]);
    expect((await anchorsAt('HU')).map((a) => a.country)).toEqual(['TR']);
  });

  it('refuses a thumbprints file that disagrees with what the partner announces, pinning nothing for it', async () => {
    const run = cli([
      'federation',
      'join',
      '--node',
      'HU',
      '--partners',
      'KZ',
      '--thumbprints',
      pinsFile([`HU ${roots.HU}`, `KZ ${roots.TR}`]),
    ]);
    expect(run.stdout).toContain(`KZ: `);
    expect(run.stdout).toContain(`says ${roots.TR}, its entity configuration announces ${roots.KZ}; nobody pins it`);
    expect(run.status).toBe(1);
    expect((await anchorsAt('KZ')).map((a) => a.country)).toEqual([]);
  });

  it('joins HU to KZ and TR from a file of thumbprints, restricts services, and proves every link with a test document each way', async () => {
    const file = pinsFile([`KZ ${roots.KZ}`, `TR ${roots.TR}`, `HU ${roots.HU}`]);
    const run = cli([
      '--lang',
      'ru',
      'federation',
      'join',
      '--node',
      'HU',
      '--partners',
      'KZ,TR',
      '--thumbprints',
      file,
      '--restrict',
      'TR:TR-RP-WORK',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('присоединение HU к федерации');
    for (const [node, partner] of [
      ['HU', 'KZ'],
      ['KZ', 'HU'],
      ['HU', 'TR'],
      ['TR', 'HU'],
    ])
      expect(run.stdout).toMatch(new RegExp(`${node} доверяет ${partner}\\s+${roots[partner]}\\s+\\S+\\s+OK`));
    expect(run.stdout).toMatch(/TR доверяет HU\s+\S+\s+TR-RP-WORK\s+OK/);
    expect(run.stdout).toContain('HU присоединена: подтверждено связей 4 из 4');
    expect(run.status).toBe(0);

    expect((await anchorsAt('TR')).find((a) => a.country === 'HU')).toMatchObject({ status: 'ACTIVE', servicesAllowed: ['TR-RP-WORK'] });
    expect((await anchorsAt('KZ')).find((a) => a.country === 'HU')).toMatchObject({ status: 'ACTIVE', servicesAllowed: null });
    expect((await anchorsAt('HU')).map((a) => a.country).sort()).toEqual(['KZ', 'TR']);
  });

  it('says so when a restriction is refused, keeps the one in force, and does not report the join as proven', async () => {
    const file = pinsFile([`KZ ${roots.KZ}`, `TR ${roots.TR}`, `HU ${roots.HU}`]);
    const run = cli(['federation', 'join', '--node', 'HU', '--partners', 'TR', '--thumbprints', file, '--restrict', 'TR:TR-NO-SUCH']);
    expect(run.stdout).toContain('TR pinned HU but could not restrict its services: SERVICE_NOT_FOUND');
    expect(run.stdout).toMatch(/TR trusts HU\s+\S+\s+TR-RP-WORK \(!\)\s+OK/);
    expect(run.stdout).toContain('HU: 1 of 2 links not proven');
    expect(run.status).toBe(1);
    expect((await anchorsAt('TR')).find((a) => a.country === 'HU')?.servicesAllowed).toEqual(['TR-RP-WORK']);
  });

  it('verifies a document online at a node with `fedctl verify --node`', async () => {
    const token = cli(['token', '--country', 'HU', '--subject', 'HU:ADMIN:t', '--role', 'admin']).stdout.trim();
    const issued = await graphql<{ issueDocument: { jws: string } }>(
      nodes.HU.url,
      'mutation { issueDocument(input: { docType: IDENTITY_ATTESTATION, subject: "HU:SZAJ:18001011234", claims: { name: "Kovács Anna" }, validDays: 30, lang: HU }) { jws } }',
      { token },
    );
    const path = join(dataRoot, 'hu-document.jws');
    writeFileSync(path, issued.data?.issueDocument.jws ?? '');
    const atTr = cli(['verify', '--node', 'TR', path]);
    expect(atTr.stdout.split('\n')[0]).toBe('OK');
    expect(JSON.parse(atTr.stdout.slice(atTr.stdout.indexOf('{')))).toMatchObject({
      valid: true,
      issuerCountry: 'HU',
      subject: 'HU:SZAJ:18001011234',
    });
    expect(atTr.status).toBe(0);

    writeFileSync(path, 'not.a.document');
    const bad = cli(['verify', '--node', 'TR', path]);
    expect(bad.stdout.split('\n')[0]).toBe('MALFORMED');
    expect(bad.status).toBe(1);
    expect(cli(['verify', path]).status).toBe(2);
  });
});
