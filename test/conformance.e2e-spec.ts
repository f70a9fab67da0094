import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerOf } from './support/envelopes.js';
import { replayBreakingProxy, type ReplayBreakingProxy } from './support/replay-breaking-proxy.js';
import { FEDCTL, fedctl, ROOT, startNode, tempDataRoot, type RunResult, type RunningNode, PORT_SHIFT } from './support/processes.js';

const NODE_PORT = 4971 + PORT_SHIFT;
const KIT_PORT = 4972 + PORT_SHIFT;
const BROKEN_NODE_PORT = 4973 + PORT_SHIFT;
const PROXY_PORT = 4974 + PORT_SHIFT;
const BROKEN_KIT_PORT = 4975 + PORT_SHIFT;

/** fedctl while this process keeps serving (the proxy runs here): spawnSync would stop it answering. */
function fedctlAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FEDCTL, ...args], {
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const adminToken = (dataRoot: string, country: string): string =>
  fedctl([
    '--data-dir',
    dataRoot,
    'token',
    '--country',
    country,
    '--subject',
    `${country}:ADMIN:conformance`,
    '--role',
    'admin',
  ]).stdout.trim();

const lines = (result: RunResult): string[] => result.stdout.trim().split('\n');

/** The conformance kit against real node processes: ours passes; one built to break one MUST fails on that line. */
describe('fedctl conformance', () => {
  const goodRoot = tempDataRoot('conformance');
  const brokenRoot = tempDataRoot('conformance-broken');
  let node: RunningNode;
  let broken: RunningNode;
  let proxy: ReplayBreakingProxy;

  beforeAll(async () => {
    [node, broken] = await Promise.all([
      startNode({ country: 'KZ', dataRoot: goodRoot, port: NODE_PORT }),
      // Reached only through the proxy, as a node behind a reverse proxy: its entity configuration names the proxy.
      startNode({
        country: 'TR',
        dataRoot: brokenRoot,
        port: BROKEN_NODE_PORT,
        env: { PUBLIC_BASE_URL: `http://127.0.0.1:${PROXY_PORT}` },
      }),
    ]);
    proxy = await replayBreakingProxy(PROXY_PORT, broken.url, signerOf(brokenRoot, 'TR'));
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([node?.stop(), broken?.stop()]);
  });

  it('passes against this node: every check ok, one line each, and exit 0', async () => {
    const result = await fedctlAsync([
      'conformance',
      '--target',
      node.url,
      '--token',
      adminToken(goodRoot, 'KZ'),
      '--listen',
      `127.0.0.1:${KIT_PORT}`,
    ]);
    expect(result.stderr).toBe('');
    const report = lines(result);
    const summary = report.pop();
    expect(report.filter((l) => !/^(MUST {2}|SHOULD) ok {4}[a-z-]+\.[a-z-]+ {2}\S/.test(l))).toEqual([]);
    for (const id of [
      'discovery.entity-configuration',
      'trust.pin',
      'documents.status-set',
      'status-list.own',
      'delivery.receipt',
      'delivery.replay',
    ]) {
      expect(report.some((l) => l.includes(`  ${id}  `))).toBe(true);
    }
    for (const id of ['delivery.wrong-audience', 'delivery.expired', 'delivery.oversized', 'documents.revoked-signer']) {
      expect(report.some((l) => l.includes(`  ${id}  `))).toBe(true);
    }
    expect(summary).toBe(`${report.length} passed, 0 failed`);
    expect(result.status).toBe(0);

    // docs/protocol section 11 lists the checks the kit runs: the same ones, `documents.<case>` standing for each case.
    const spec = readFileSync(join(ROOT, 'docs/protocol/README.md'), 'utf8');
    const section = spec.slice(spec.indexOf('## 11. Conformance'), spec.indexOf('## 12.'));
    const documented = [...section.matchAll(/`([a-z-]+\.[a-z<>-]+)`/g)].map((m) => m[1]);
    const ran = report
      .map((l) => /^\S+ +\S+ +(\S+)/.exec(l)?.[1] ?? l)
      .map((id) => (id.startsWith('documents.') ? 'documents.<case>' : id));
    expect([...new Set(ran)]).toEqual(documented);
  });

  it.each([
    ['receipts a replay a second time', 'new-receipt', 'answered with another receipt than the first'],
    ['refuses a replay', 'refuse', 'answered MESSAGE_DUPLICATE'],
  ] as const)('fails on exactly the broken rule against a node that %s instead of returning the first receipt', async (_, fault, seen) => {
    proxy.fault = fault;
    const result = await fedctlAsync(['conformance', '--target', proxy.url, '--listen', `127.0.0.1:${BROKEN_KIT_PORT}`], {
      OTS_TOKEN: adminToken(brokenRoot, 'TR'),
    });
    const report = lines(result);
    const summary = report.pop();
    expect(report.filter((l) => !l.includes(' ok '))).toEqual([
      `MUST   FAIL  delivery.replay  answers the same message again with the first receipt: ${seen}`,
    ]);
    // A re-signed envelope is another message to the proxy, so the node behind answers it rightly.
    expect(report.some((l) => l.startsWith('MUST   ok    delivery.replay-resigned  '))).toBe(true);
    expect(summary).toBe(`${report.length - 1} passed, 1 failed`);
    expect(result.status).toBe(1);
  });

  it("reports in the admin's language, and without a token says what to pin by hand", async () => {
    const result = await fedctlAsync(
      ['--lang', 'tr', 'conformance', '--target', node.url, '--as', 'AZ', '--pin-wait', '1', '--listen', `127.0.0.1:${KIT_PORT}`],
      { OTS_TOKEN: '' },
    );
    expect(result.stderr).toMatch(
      /^yönetici belirteci yok: http:\/\/127\.0\.0\.1:\d+ düğümünde AZ ülkesini kök parmak izi [A-Za-z0-9_-]{43} ve URL /,
    );
    expect(lines(result)).toContain('MUST   FAIL  trust.pin  elle sabitlenen kite AZ olarak güvenir: still UNTRUSTED_ISSUER after 1 s');
    expect(lines(result).at(-1)).toMatch(/^\d+ geçti, 1 kaldı$/);
    expect(result.status).toBe(1);
  });
});
