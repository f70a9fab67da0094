import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql, issueDocument, verifyDocument } from './support/graphql.js';
import { PORT_SHIFT, tempDataRoot } from './support/processes.js';

const OFFSET = 1350 + PORT_SHIFT;

/** Every file under a folder whose bytes contain `needle`: where a secret might have been left behind. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** The offline-root round trip (docs/key-requests.md) on real KZ and TR nodes, the root key outside KZ's data dir. */
describe('a node running without its root private key', () => {
  let federation: TestFederation;
  const dataRoot = tempDataRoot('offline-root');
  // The "offline machine": a folder that is not under any node's data directory.
  const offline = tempDataRoot('offline-root-machine');
  const run = (args: string[]) => federation.fedctl(args);

  beforeAll(async () => {
    federation = await TestFederation.up({ dataRoot, portOffset: OFFSET, countries: ['KZ', 'TR'], env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(async () => federation?.down());

  it('exports the root, renews the signer through a request signed offline, refuses a tampered response, and its documents verify at TR', async () => {
    const rootFile = join(offline, 'root-key.json');
    const exported = run(['keys', 'export-root', '--node', 'KZ', '--out', rootFile, '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const root = JSON.parse(readFileSync(rootFile, 'utf8'));
    expect(JSON.parse(exported.stdout)).toEqual({ country: 'KZ', root: root.kid, path: rootFile });
    expect(typeof root.d).toBe('string');
    // Nothing in KZ's data directory (key file, database, logs) holds the root private key any more.
    expect(filesContaining(join(dataRoot, 'KZ'), root.d)).toEqual([]);
    const keyFile = JSON.parse(readFileSync(join(dataRoot, 'KZ', 'keys.json'), 'utf8'));
    const storedRoot = keyFile.keys.find((k: { role: string }) => k.role === 'root');
    expect(storedRoot.privateJwk).toBeUndefined();
    expect(storedRoot.publicJwk.x).toBe(root.x);

    // What needs the root now says so, and the node still publishes the statement the root signed as it left.
    const rotate = run(['keys', 'rotate', '--signer', '--node', 'KZ']);
    expect(rotate.status).toBe(1);
    expect(rotate.stderr).toContain('ROOT_KEY_OFFLINE');
    expect(run(['keys', 'rotate', '--root', '--node', 'KZ']).stderr).toContain('ROOT_KEY_OFFLINE');
    expect(run(['keys', 'export-root', '--node', 'KZ', '--out', join(offline, 'again.json')]).stderr).toContain('ROOT_KEY_OFFLINE');
    expect((await fetch(`${federation.url('KZ')}/.well-known/openid-federation`)).status).toBe(200);
    expect((await fetch(`${federation.url('KZ')}/transparency/historical-keys`)).status).toBe(200);

    const requestFile = join(offline, 'req.json');
    const requested = run(['keys', 'request', '--node', 'KZ', '--kind', 'signer', '--out', requestFile, '--json']);
    expect(requested.stderr).toBe('');
    const request = JSON.parse(readFileSync(requestFile, 'utf8'));
    expect(JSON.parse(requested.stdout)).toEqual({
      country: 'KZ',
      kind: 'signer',
      id: request.requestId,
      root: root.kid,
      path: requestFile,
    });
    expect(run(['keys', 'request', '--node', 'KZ', '--kind', 'log', '--out', requestFile]).status).toBe(2);

    // The offline machine: the root key file and the request, nothing else.
    const signedFile = join(offline, 'signed.json');
    const signed = run(['keys', 'sign-request', '--root-key', rootFile, '--in', requestFile, '--out', signedFile]);
    expect(signed.status).toBe(0);

    const response = JSON.parse(readFileSync(signedFile, 'utf8'));
    const tamperedFile = join(offline, 'tampered.json');
    writeFileSync(
      tamperedFile,
      JSON.stringify({ ...response, signed: response.signed.replace(/.$/, (c: string) => (c === 'A' ? 'Q' : 'A')) }),
    );
    const tampered = run(['keys', 'import', '--node', 'KZ', '--in', tamperedFile]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('KEY_IMPORT_TAMPERED');

    const imported = run(['keys', 'import', '--node', 'KZ', '--in', signedFile, '--json']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ country: 'KZ', kind: 'signer', id: request.requestId, kid: request.payload.sub });
    // A response is installed once: its pending request is gone.
    expect(run(['keys', 'import', '--node', 'KZ', '--in', signedFile]).stderr).toContain('KEY_REQUEST_INVALID');

    const document = await issueDocument(federation.url('KZ'), federation.token('KZ', 'officer'), {
      docType: 'IDENTITY_ATTESTATION',
      subject: 'KZ:IIN:900101300123',
      claims: { givenName: 'Aigerim' },
      validDays: 30,
      lang: 'KK',
    });
    expect(decodeProtectedHeader(document.jws).kid).toBe(request.payload.sub);
    expect(await verifyDocument(federation.url('TR'), document.jws)).toMatchObject({ valid: true, reason: 'OK', issuerCountry: 'KZ' });

    // The published statement still lists the old certificate: the offline root signs today's, and partners read it.
    const ecRequestFile = join(offline, 'ec-req.json');
    expect(run(['keys', 'request', '--node', 'KZ', '--kind', 'entity-configuration', '--out', ecRequestFile]).status).toBe(0);
    const ecSignedFile = join(offline, 'ec-signed.json');
    expect(run(['keys', 'sign-request', '--root-key', rootFile, '--in', ecRequestFile, '--out', ecSignedFile]).status).toBe(0);
    const ecImported = run(['keys', 'import', '--node', 'KZ', '--in', ecSignedFile]);
    expect(ecImported.stderr).toBe('');
    expect(ecImported.stdout).toContain(
      `entity-configuration statement ${JSON.parse(readFileSync(ecRequestFile, 'utf8')).requestId} signed by root ${root.kid} imported`,
    );
    const published = await (await fetch(`${federation.url('KZ')}/.well-known/openid-federation`)).text();
    expect(published).toBe(JSON.parse(readFileSync(ecSignedFile, 'utf8')).signed);
    const certificates = JSON.parse(Buffer.from(published.split('.')[1] as string, 'base64url').toString('utf8')).metadata.ots_node
      .signer_certificates as string[];
    expect(certificates.map((c) => JSON.parse(Buffer.from(c.split('.')[1] as string, 'base64url').toString('utf8')).sub)).toContain(
      request.payload.sub,
    );
    // A revocation reaches partners through the historical keys, which the offline root signs too.
    const oldSigner = keyFile.keys.find((k: { role: string; retiredAt?: string }) => k.role === 'signer' && !k.retiredAt).kid as string;
    const revoked = await graphql(federation.url('KZ'), `mutation { revokeOwnKey(thumbprint: "${oldSigner}", reason: COMPROMISED) }`, {
      token: federation.token('KZ', 'admin'),
    });
    expect(revoked.errors).toBeUndefined();
    const revocationFile = join(offline, 'revocation-req.json');
    expect(run(['keys', 'request', '--node', 'KZ', '--kind', 'revocation', '--out', revocationFile]).status).toBe(0);
    const revocationSigned = join(offline, 'revocation-signed.json');
    expect(run(['keys', 'sign-request', '--root-key', rootFile, '--in', revocationFile, '--out', revocationSigned]).status).toBe(0);
    expect(run(['keys', 'import', '--node', 'KZ', '--in', revocationSigned]).stderr).toBe('');
    const historical = await (await fetch(`${federation.url('KZ')}/transparency/historical-keys`)).text();
    expect(historical).toBe(JSON.parse(readFileSync(revocationSigned, 'utf8')).signed);
    const listed = JSON.parse(Buffer.from(historical.split('.')[1] as string, 'base64url').toString('utf8')).keys;
    expect(listed.find((k: { kid: string }) => k.kid === oldSigner)?.revoked.reason).toBe('compromised');

    const refreshed = await graphql<{ refreshTrustAnchor: { status: string } }>(
      federation.url('TR'),
      'mutation { refreshTrustAnchor(country: "KZ") { status } }',
      { token: federation.token('TR', 'admin') },
    );
    expect(refreshed.data?.refreshTrustAnchor.status).toBe('ACTIVE');

    const audit = await allNodes<{ action: string; actor: string; subject: string }>(
      federation.url('KZ'),
      'auditLog',
      'action actor subject',
      { token: federation.token('KZ', 'admin') },
    );
    // fedctl's development identity for KZ's admin, which ran every command above.
    const admin = 'KZ:ADMIN:fedctl';
    expect(audit.find((e) => e.action === 'keys.export-root')).toMatchObject({ actor: admin, subject: root.kid });
    // One entry per import: the new signer, then the entity configuration and historical keys under their root.
    const imports = audit.filter((e) => e.action === 'keys.imported');
    expect(imports.map((e) => e.subject).sort()).toEqual([request.payload.sub, root.kid, root.kid].sort());
    for (const entry of imports) expect(entry.actor).toBe(admin);
  });
});
