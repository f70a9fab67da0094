import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from './support/certificates.js';
import { graphql } from './support/graphql.js';
import { postGraphql, send } from './support/http-client.js';
import { fedctl, NODE_MAIN, runSync, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 830 + PORT_SHIFT;
const port = (base: number) => base + OFFSET;

/** KG listens on https with a certificate of a test CA; UZ reaches it with PARTNER_CA_FILE, TR without. */
describe('a node on HTTPS and its partners', () => {
  const dataRoot = tempDataRoot('https');
  let certs: TestCertificates;
  let ca: Buffer;
  let kg: { url: string; stop(): Promise<void> };
  let uz: RunningNode;
  let tr: RunningNode;
  const token = (country: string, role: string, subject: string) =>
    fedctl(['--data-dir', dataRoot, 'token', '--country', country, '--subject', subject, '--role', role]).stdout.trim();
  const thumbprints = async (url: string, options: { ca?: Buffer } = {}) =>
    (await postGraphql(url, '{ node { rootKeyThumbprints } }', options)).json<{ data: { node: { rootKeyThumbprints: string[] } } }>().data
      .node.rootKeyThumbprints;

  beforeAll(async () => {
    certs = makeTestCertificates(tempDataRoot('certs'));
    ca = readFileSync(certs.caFile);
    const kgPort = port(4003);
    const child = spawn(process.execPath, [NODE_MAIN, '--country', 'KG', '--port', String(kgPort)], {
      env: {
        ...process.env,
        DATA_DIR: dataRoot,
        DEV_IDP: 'on',
        LOG_LEVEL: 'warn',
        TLS_CERT_FILE: certs.certFile,
        TLS_KEY_FILE: certs.keyFile,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    kg = { url: `https://127.0.0.1:${kgPort}`, stop: async () => void (child.kill('SIGTERM'), await exited) };
    await waitFor(async () => (await send(`${kg.url}/health/ready`, { ca }).catch(() => undefined))?.status === 200, 30_000);
    [uz, tr] = await Promise.all([
      startNode({ country: 'UZ', dataRoot, port: port(4004), env: { PARTNER_CA_FILE: certs.caFile } }),
      startNode({ country: 'TR', dataRoot, port: port(4002) }),
    ]);
  });
  afterAll(async () => Promise.all([kg?.stop(), uz?.stop(), tr?.stop()]));

  it('answers on https only, announcing its https endpoint', async () => {
    const statement = (await send(`${kg.url}/.well-known/openid-federation`, { ca })).text;
    const payload = JSON.parse(Buffer.from(statement.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      metadata: { ots_node: { graphql_endpoint: string } };
    };
    expect(payload.metadata.ots_node.graphql_endpoint).toBe(`${kg.url}/graphql`);
    expect((await send(`${kg.url}/health/live`, { ca })).headers['strict-transport-security']).toBe('max-age=31536000');
    await expect(send(`http://127.0.0.1:${port(4003)}/health/live`)).rejects.toThrow();
  });

  it('is trusted by a partner that has its CA, which then delivers to it over https and gets the answer', async () => {
    const uzAdmin = token('UZ', 'admin', 'UZ:ADMIN:1');
    const kgAdmin = token('KG', 'admin', 'KG:ADMIN:1');
    const added = await graphql(uz.url, 'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { status } }', {
      token: uzAdmin,
      variables: { i: { country: 'KG', thumbprints: await thumbprints(kg.url, { ca }), baseUrl: kg.url } },
    });
    expect(added.data).toEqual({ addTrustAnchor: { status: 'ACTIVE' } });
    const back = await postGraphql(kg.url, 'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { status } }', {
      ca,
      headers: { authorization: `Bearer ${kgAdmin}` },
      variables: { i: { country: 'UZ', thumbprints: await thumbprints(uz.url), baseUrl: uz.url } },
    });
    expect(back.json()).toEqual({ data: { addTrustAnchor: { status: 'ACTIVE' } } });
    const check = await graphql(uz.url, 'mutation { verifyTaxpayer(country: "KG", tin: "21203199000123") { status valid resident } }', {
      token: token('UZ', 'officer', 'UZ:OFFICER:1'),
    });
    expect(check.data).toEqual({ verifyTaxpayer: { status: 'ANSWERED', valid: true, resident: true } });
    const search = await graphql<{ federatedServices: { partners: unknown[] } }>(
      uz.url,
      '{ federatedServices { partners { country status } } }',
    );
    expect(search.data?.federatedServices.partners).toEqual([{ country: 'KG', status: 'OK' }]);
  });

  it('is refused by a partner that was not given its CA', async () => {
    const refused = await graphql(tr.url, 'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { status } }', {
      token: token('TR', 'admin', 'TR:ADMIN:1'),
      variables: { i: { country: 'KG', thumbprints: await thumbprints(kg.url, { ca }), baseUrl: kg.url } },
    });
    expect(refused.errors?.[0]?.extensions.code).toBe('PARTNER_UNREACHABLE');
  });

  it('does not start with a key that is not its certificate’s, or a file it cannot read: one line, exit 1', () => {
    const dataRoots: string[] = [];
    const start = (env: NodeJS.ProcessEnv) => {
      const root = tempDataRoot('bad-tls');
      dataRoots.push(root);
      return runSync(NODE_MAIN, ['--country', 'HU', '--port', String(port(4006))], { DATA_DIR: root, ...env });
    };
    const mismatched = start({ TLS_CERT_FILE: certs.certFile, TLS_KEY_FILE: certs.otherKeyFile });
    expect(mismatched.status).toBe(1);
    expect(mismatched.stderr.trim().split('\n')).toEqual([
      `node: TLS_KEY_FILE: ${certs.otherKeyFile} is not the key of the certificate in ${certs.certFile}`,
    ]);
    const unreadable = start({ TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: certs.keyFile });
    expect(unreadable.stderr.trim().split('\n')).toEqual(['node: TLS_CERT_FILE: cannot read /nonexistent/cert.pem: ENOENT']);
    const notCa = start({ PARTNER_CA_FILE: certs.keyFile });
    expect(notCa.stderr.trim().split('\n')).toEqual([`node: PARTNER_CA_FILE: ${certs.keyFile} holds no PEM certificate`]);
    for (const root of dataRoots) expect(readdirSync(root)).toEqual([]);
  });
});
