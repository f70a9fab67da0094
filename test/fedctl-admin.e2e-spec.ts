import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeInfo } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 900 + PORT_SHIFT;

/** fedctl telling an admin the truth: in the admin's language, with the node's detail, keys by their full names. */
describe('fedctl against two nodes', () => {
  const dataRoot = tempDataRoot('fedctl-admin');
  let kz: RunningNode;
  let tr: RunningNode;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args], { LANG: 'C.UTF-8', ...env });
  const rootOf = async (node: RunningNode) => (await nodeInfo(node.url)).data?.node.rootKeyThumbprints[0] as string;
  const partnerKeys = (node: string, country: string) =>
    JSON.parse(cli(['trust', 'keys', '--node', node, '--country', country, '--json']).stdout) as {
      thumbprint: string;
      kind: string;
      source: string;
      status: string;
      revocationReason: string | null;
    }[];

  beforeAll(async () => {
    [kz, tr] = await Promise.all([
      startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET }),
      startNode({ country: 'TR', dataRoot, port: 4002 + OFFSET }),
    ]);
    expect(cli(['trust', 'add', '--node', 'KZ', '--country', 'TR', '--thumbprint', await rootOf(tr), '--from', tr.url]).status).toBe(0);
  });
  afterAll(async () => Promise.all([kz?.stop(), tr?.stop()]));

  it("prints the node's refusal with its code, in the admin's language, with the detail only the log had", async () => {
    const args = ['trust', 'add', '--node', 'KZ', '--country', 'UZ', '--thumbprint', await rootOf(tr), '--from', tr.url];
    const turkish = cli(args, { LANG: 'tr_TR.UTF-8' });
    expect(turkish.status).toBe(1);
    expect(turkish.stderr.trim().split('\n')).toEqual([
      'fedctl: BAD_ENTITY_CONFIGURATION (UNTRUSTED_ISSUER): UZ ülkesinin varlık yapılandırması reddedildi: UNTRUSTED_ISSUER: entity configuration is for TR, expected UZ',
    ]);
    const kazakh = cli(['--lang', 'kk', ...args], { LANG: 'tr_TR.UTF-8' });
    expect(kazakh.stderr).toContain('UZ елінің субъект конфигурациясы қабылданбады');
    expect(cli(['--lang', 'de', ...args]).status).toBe(2);
  });

  it('says which check of a bearer token failed', () => {
    const trToken = cli(['token', '--country', 'TR', '--subject', 'TR:ADMIN:1', '--role', 'admin']).stdout.trim();
    const foreign = cli(['trust', 'list', '--node', 'KZ', '--token', trToken]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toMatch(/^fedctl: UNAUTHENTICATED \(UNKNOWN_ISSUER\): Sign in first/);
    expect(cli(['trust', 'list', '--node', 'KZ', '--token', 'garbage']).stderr).toMatch(/^fedctl: UNAUTHENTICATED \(MALFORMED\): /);
  });

  it("prints the old and the new signer key, and lists the partner's keys so one can be revoked by its thumbprint", () => {
    const rotated = cli(['keys', 'rotate', '--signer', '--node', 'TR']);
    expect(rotated.status).toBe(0);
    const [, oldKey, newKey] = /^TR: signer key ([A-Za-z0-9_-]{43}) replaced by ([A-Za-z0-9_-]{43}); /.exec(rotated.stdout) ?? [];
    expect(oldKey).toBeDefined();
    expect(newKey).not.toBe(oldKey);

    expect(cli(['trust', 'refresh', '--node', 'KZ', '--country', 'TR']).status).toBe(0);
    const known = partnerKeys('KZ', 'TR');
    expect(known).toContainEqual(expect.objectContaining({ kind: 'root', source: 'pinned', status: 'active' }));
    expect(known).toContainEqual(expect.objectContaining({ kind: 'signer', thumbprint: newKey, source: 'announced', status: 'active' }));
    expect(known).toContainEqual(expect.objectContaining({ kind: 'encryption', source: 'announced', status: 'active' }));

    const revoked = cli(['trust', 'revoke-key', '--node', 'KZ', '--country', 'TR', '--thumbprint', oldKey, '--reason', 'superseded']);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`${oldKey} [signer/revoked: superseded]`);
    expect(partnerKeys('KZ', 'TR')).toContainEqual(
      expect.objectContaining({
        kind: 'signer',
        thumbprint: oldKey,
        source: 'revocation',
        status: 'revoked',
        revocationReason: 'superseded',
      }),
    );
    const listed = cli(['trust', 'list', '--node', 'KZ']).stdout;
    expect(listed).toMatch(/root, pinned\/active/);
    expect(listed).toMatch(/signer\/revoked: superseded/);

    const badReason = cli(['trust', 'revoke-key', '--node', 'KZ', '--country', 'TR', '--thumbprint', oldKey, '--reason', 'lost']);
    expect(badReason.status).toBe(2);
    expect(badReason.stderr).toContain('Allowed choices are compromised, superseded');
  });

  it("refuses a restriction naming a service this node's catalog does not have, and keeps the one it had", () => {
    expect(cli(['trust', 'restrict', '--node', 'KZ', '--country', 'TR', '--services', 'KZ-RP-WORK']).status).toBe(0);
    const refused = cli(['trust', 'restrict', '--node', 'KZ', '--country', 'TR', '--services', 'KZ-RP-WORK,TR-RP-WORK']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('fedctl: SERVICE_NOT_FOUND: There is no service TR-RP-WORK in this catalog.');
    const [anchor] = JSON.parse(cli(['trust', 'list', '--node', 'KZ', '--json']).stdout) as { servicesAllowed: string[] }[];
    expect(anchor?.servicesAllowed).toEqual(['KZ-RP-WORK']);
  });
});
