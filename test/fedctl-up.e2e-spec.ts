import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeInfo, trustAnchors } from './support/graphql.js';
import { TestFederation } from './support/federation.js';
import { fedctl, portIsClosed, tempDataRoot, waitFor, PORT_SHIFT } from './support/processes.js';

const OFFSET = 700 + PORT_SHIFT;
const COUNTRIES = ['KZ', 'TR', 'UZ'];
const PORTS: Record<string, number> = { KZ: 4001 + OFFSET, TR: 4002 + OFFSET, UZ: 4004 + OFFSET };

const up = (dataRoot: string) => TestFederation.up({ dataRoot, portOffset: OFFSET, countries: COUNTRIES });

describe('fedctl up --countries KZ,TR,UZ', () => {
  const dataRoot = tempDataRoot('up');
  const running: ChildProcess[] = [];
  afterAll(() => running.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  it('starts three nodes that each trust the other two, prints the table, and stops cleanly on SIGTERM', async () => {
    const federation = await up(dataRoot);
    running.push(federation.child);
    const table = federation.stdout();
    for (const country of COUNTRIES) {
      expect(table).toMatch(
        new RegExp(
          `^${country}\\s+http://127\\.0\\.0\\.1:${PORTS[country]}\\s+http://127\\.0\\.0\\.1:${PORTS[country]}/graphql\\s+http://127\\.0\\.0\\.1:${PORTS[country]}/console/\\s+[A-Za-z0-9_-]{43}\\s+2$`,
          'm',
        ),
      );
    }
    const thumbprints = Object.fromEntries(
      await Promise.all(
        COUNTRIES.map(async (c) => [c, (await nodeInfo(`http://127.0.0.1:${PORTS[c]}`)).data?.node.rootKeyThumbprints[0]] as const),
      ),
    );
    for (const country of COUNTRIES) {
      const token = fedctl([
        '--data-dir',
        dataRoot,
        'token',
        '--country',
        country,
        '--subject',
        `${country}:ADMIN:tester`,
        '--role',
        'admin',
      ]).stdout.trim();
      const anchors = (await trustAnchors(`http://127.0.0.1:${PORTS[country]}`, token)).data?.trustAnchors ?? [];
      const partners = COUNTRIES.filter((c) => c !== country);
      expect(anchors.map((a) => a.country).sort()).toEqual(partners.sort());
      for (const anchor of anchors) {
        expect(anchor.status).toBe('ACTIVE');
        expect(anchor.keys).toContainEqual({ thumbprint: thumbprints[anchor.country], source: 'PINNED' });
      }
    }

    federation.child.kill('SIGTERM');
    expect(await federation.exited).toBe(0);
    for (const country of COUNTRIES) expect(await portIsClosed(PORTS[country])).toBe(true);

    // A second `fedctl up` reuses the data and keys.
    const again = await up(dataRoot);
    running.push(again.child);
    for (const country of COUNTRIES) {
      expect((await nodeInfo(`http://127.0.0.1:${PORTS[country]}`)).data?.node.rootKeyThumbprints[0]).toBe(thumbprints[country]);
    }
    expect(again.stdout()).toMatch(/^KZ .* 2$/m);

    // Killing the supervisor outright must not orphan the nodes: they follow it down.
    again.child.kill('SIGKILL');
    await again.exited;
    await waitFor(async () => (await Promise.all(COUNTRIES.map((c) => portIsClosed(PORTS[c])))).every(Boolean), 15_000);
  });

  it('refuses an unknown country with exit code 2 before starting anything', () => {
    const result = fedctl(['--data-dir', tempDataRoot('up-bad'), '--port-offset', String(OFFSET + 50), 'up', '--countries', 'KZ,XX']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('fedctl: unknown country XX; federation-config lists KZ, TR, KG, UZ, AZ, HU, TM');
  });
});

describe('a second fedctl up on the ports of a running federation', () => {
  const SECOND = OFFSET + 20;
  const dataRoot = tempDataRoot('up-twice');
  let first: TestFederation | undefined;
  afterAll(async () => first?.down());

  it('is refused with one line before it starts anything, and the first federation is left as it was', async () => {
    first = await TestFederation.up({ dataRoot, portOffset: SECOND, countries: ['KZ', 'TR'] });
    const federation = first;
    // An admin's choice the second `up` must not undo: KZ suspended TR.
    expect(federation.fedctl(['trust', 'suspend', '--node', 'KZ', '--country', 'TR']).status).toBe(0);
    const before = await Promise.all(['KZ', 'TR'].map((c) => trustAnchors(federation.url(c), federation.token(c, 'admin'))));
    const auditBefore = federation.fedctl(['audit', 'verify', '--node', 'KZ']).stdout;

    const again = fedctl(['--data-dir', dataRoot, '--port-offset', String(SECOND), 'up', '--countries', 'KZ,TR']);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([
      `fedctl: port ${4001 + SECOND} for KZ is in use: another federation or program holds it; nothing was started (stop it, or choose another --port-offset)`,
    ]);
    expect(again.stdout).toBe('');

    expect(federation.child.exitCode).toBeNull();
    const after = await Promise.all(['KZ', 'TR'].map((c) => trustAnchors(federation.url(c), federation.token(c, 'admin'))));
    expect(after).toEqual(before);
    expect(after[0]?.data?.trustAnchors).toMatchObject([{ country: 'TR', status: 'SUSPENDED' }]);
    expect(federation.fedctl(['audit', 'verify', '--node', 'KZ']).stdout).toBe(auditBefore);
  });

  it('says so in the admin language of the shell', () => {
    const again = fedctl(['--data-dir', dataRoot, '--port-offset', String(SECOND), 'up', '--countries', 'TR'], { LANG: 'tr_TR.UTF-8' });
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      `fedctl: TR için ${4002 + SECOND} numaralı port kullanımda: başka bir federasyon veya program tutuyor; hiçbir şey başlatılmadı (onu durdurun veya başka bir --port-offset seçin)`,
    );
  });
});
