import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { addTrustAnchor, graphql, nodeInfo, type Connection } from './support/graphql.js';
import { fedctl, ROOT, startNode, tempDataRoot, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 1200 + PORT_SHIFT;
const LANGUAGES = ['kk', 'ru', 'tr', 'ky', 'uz', 'az', 'en', 'hu', 'tk'];

/** A state not yet in the configuration joins running nodes: data only, no source change, no restart. */
describe('a new country taken by running nodes', () => {
  const dataRoot = tempDataRoot('config-reload');
  const configDir = join(dataRoot, 'federation-config');
  const federationFile = join(configDir, 'federation.json');
  const env = { FEDERATION_CONFIG_DIR: configDir };
  const nodes: Record<string, RunningNode> = {};
  const cli = (args: string[]) => fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args], env);
  // The shipped configuration: a token needs only the node's data, whatever the copy under test holds at the time.
  const token = (country: string) =>
    fedctl(['--data-dir', dataRoot, 'token', '--country', country, '--subject', `${country}:ADMIN:t`, '--role', 'admin']).stdout.trim();
  const audit = async (country: string) =>
    expectOk(
      await graphql<{ auditLog: Connection<{ action: string; actor: string; details: unknown }> }>(
        nodes[country].url,
        '{ auditLog(first: 20) { edges { node { action actor details } } } }',
        { token: token(country) },
      ),
    ).auditLog.edges.map((edge) => edge.node);
  const original = () =>
    JSON.parse(readFileSync(join(ROOT, 'federation-config', 'federation.json'), 'utf8')) as { countries: Record<string, unknown>[] };
  const withObserver = () => {
    const federation = original();
    federation.countries.push({
      code: 'XC',
      role: 'observer',
      defaultLanguage: 'tr',
      port: 4008,
      personId: { scheme: 'KML', pattern: '^[0-9]{10}$' },
      names: Object.fromEntries(LANGUAGES.map((lang) => [lang, `XC observer state (${lang})`])),
    });
    return federation;
  };

  beforeAll(async () => {
    cpSync(join(ROOT, 'federation-config'), configDir, { recursive: true });
    writeFileSync(join(configDir, 'services', 'XC.json'), JSON.stringify({ country: 'XC', services: [] }));
    writeFileSync(join(configDir, 'services', 'locales', 'XC.en.json'), '{}');
    const hu = JSON.parse(readFileSync(join(configDir, 'citizens', 'HU.json'), 'utf8')) as { persons: Record<string, unknown>[] };
    writeFileSync(
      join(configDir, 'citizens', 'XC.json'),
      JSON.stringify({ country: 'XC', persons: [{ ...hu.persons[0], subject: 'XC:KML:1234567890', tin: '9012345678' }] }),
    );
    const [kz, tr] = await Promise.all([
      startNode({ country: 'KZ', dataRoot, port: 4001 + OFFSET, env }),
      startNode({ country: 'TR', dataRoot, port: 4002 + OFFSET, env }),
    ]);
    Object.assign(nodes, { KZ: kz, TR: tr });
  });
  afterAll(async () => Promise.all(Object.values(nodes).map((n) => n.stop())));

  it('refuses a configuration that does not validate, whole, and keeps the one it runs with', async () => {
    const broken = withObserver();
    broken.countries[broken.countries.length - 1].port = 4001;
    writeFileSync(federationFile, JSON.stringify(broken));
    // By URL: fedctl's own copy of the files does not stand between the admin and the node's verdict.
    const refused = cli(['config', 'reload', '--node', nodes.KZ.url, '--token', token('KZ')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^fedctl: CONFIG_RELOAD_REFUSED: The new federation configuration was refused; the node keeps the one it had: .*federation\.json: countries\[7\]\.port: port 4001 is used twice/,
    );
    const notIso = withObserver();
    notIso.countries[notIso.countries.length - 1].code = 'ZZ';
    writeFileSync(federationFile, JSON.stringify(notIso));
    expect(cli(['config', 'reload', '--node', nodes.KZ.url, '--token', token('KZ')]).stderr).toContain(
      'countries[7].code: must be an ISO 3166-1 alpha-2 code or a user-assigned one (XA-XZ, QM-QZ)',
    );
    expect((await audit('KZ')).filter((e) => e.action === 'config.reload-refused')).toHaveLength(2);
    // Still the old federation: XC is unknown to KZ.
    const addXc = await addTrustAnchor(nodes.KZ.url, token('KZ'), { country: 'XC', thumbprints: ['A'.repeat(43)], baseUrl: nodes.TR.url });
    expect(addXc.errors?.[0]?.extensions?.code).toBe('UNKNOWN_COUNTRY');
  });

  it('takes a new observer by admin command and by SIGHUP, and the new node joins both without a restart', async () => {
    writeFileSync(federationFile, JSON.stringify(withObserver()));
    const reloaded = cli(['config', 'reload', '--node', 'KZ']);
    expect(reloaded.stderr).toBe('');
    expect(reloaded.stdout).toMatch(/^KZ: federation configuration reloaded; 8 countries: KZ \(member\), .*, XC \(observer\)\n$/);
    const entry = (await audit('KZ')).find((e) => e.action === 'config.reloaded');
    expect(JSON.parse(String(entry?.details))).toMatchObject({ added: ['XC'], removed: [] });

    const trPid = nodes.TR.process.pid;
    nodes.TR.process.kill('SIGHUP');
    await eventually(async () => (await audit('TR')).some((e) => e.action === 'config.reloaded' && e.actor === 'signal:SIGHUP'));
    expect(nodes.TR.process.exitCode).toBeNull();

    nodes.XC = await startNode({ country: 'XC', dataRoot, port: 4008 + OFFSET, env });
    const roots = Object.fromEntries(
      await Promise.all(['KZ', 'TR', 'XC'].map(async (c) => [c, (await nodeInfo(nodes[c].url)).data?.node.rootKeyThumbprints[0]])),
    ) as Record<string, string>;
    const pins = join(dataRoot, 'pins.txt');
    writeFileSync(
      pins,
      Object.entries(roots)
        .map(([c, t]) => `${c} ${t}`)
        .join('\n'),
    );
    const join_ = cli(['federation', 'join', '--node', 'XC', '--partners', 'KZ,TR', '--thumbprints', pins]);
    expect(join_.stdout).toContain('XC joined: 4 of 4 links proven');
    expect(join_.status).toBe(0);
    expect(nodes.TR.process.pid).toBe(trPid);
    expect(nodes.KZ.process.exitCode).toBeNull();
  });
});
