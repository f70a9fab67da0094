import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectOk } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { allNodes, graphql, nodesOf, type Connection } from './support/graphql.js';
import { generateRootKey, generateSignerKey, verifySignerCertificate } from '@ots/jws';
import { createKeyRequest, verifyKeyResponse } from '@ots/keys';
import { fedctl, NODE_MAIN, PORT_SHIFT, runSync, startNode, tempDataRoot } from './support/processes.js';

const OFFSET = 1300 + PORT_SHIFT;
const KZ_CITIZEN = 'KZ:IIN:900101300123';
const SOFTHSM = '/usr/lib/softhsm/libsofthsm2.so';

/** Every file under a folder with its SHA-256: what "nothing written" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** A SoftHSM2 token of the test's own: its SOFTHSM2_CONF and token folder in a temporary directory. */
function softHsm(root: string): { env: NodeJS.ProcessEnv; wrongPinFile: string } {
  const dir = join(root, 'softhsm');
  mkdirSync(join(dir, 'tokens'), { recursive: true });
  writeFileSync(
    join(dir, 'softhsm2.conf'),
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const env = { SOFTHSM2_CONF: join(dir, 'softhsm2.conf') };
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'ots-custody', '--pin', '246810', '--so-pin', '13579111'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  writeFileSync(join(dir, 'pin'), '246810\n', { mode: 0o600 });
  writeFileSync(join(dir, 'wrong-pin'), '000000\n', { mode: 0o600 });
  return {
    env: { ...env, KEY_BACKEND: 'pkcs11', PKCS11_MODULE: SOFTHSM, PKCS11_TOKEN_LABEL: 'ots-custody', PKCS11_PIN_FILE: join(dir, 'pin') },
    wrongPinFile: join(dir, 'wrong-pin'),
  };
}

describe('key custody', () => {
  describe('a federation whose keys are in SoftHSM2', () => {
    let federation: TestFederation;
    let hsm: ReturnType<typeof softHsm>;
    const dataRoot = tempDataRoot('key-custody-hsm');

    beforeAll(async () => {
      hsm = softHsm(dataRoot);
      // `fedctl up` gives every node the same settings: KZ and TR both keep their keys in the one token.
      federation = await TestFederation.up({
        dataRoot,
        portOffset: OFFSET,
        countries: ['KZ', 'TR'],
        env: { RATE_LIMIT_PER_MINUTE: '0', ...hsm.env },
      });
    });
    afterAll(async () => federation?.down());

    it('carries a residence permit from KZ to TR with every signature and decryption done in the token', async () => {
      const keyFile = JSON.parse(readFileSync(join(dataRoot, 'KZ', 'keys.json'), 'utf8'));
      expect(keyFile.backend).toBe('pkcs11');
      expect(keyFile.keys.map((k: { role: string }) => k.role).sort()).toEqual(['enc', 'log', 'root', 'signer']);
      for (const key of keyFile.keys) {
        expect(key.privateJwk).toBeUndefined();
        expect(key.hsmId).toMatch(/^[0-9a-f]{32}$/);
        expect(key.publicJwk.d).toBeUndefined();
      }

      const citizen = federation.token('KZ', 'citizen', KZ_CITIZEN);
      const trOfficer = federation.token('TR', 'officer', 'TR:OFFICER:7');
      const { applyAbroad: application } = expectOk(
        await graphql<{ applyAbroad: { id: string; status: string } }>(
          federation.url('KZ'),
          'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id status } }',
          {
            token: citizen,
            variables: {
              i: {
                country: 'TR',
                serviceCode: 'TR-RP-WORK',
                form: { purpose: 'Engineer', intendedStayMonths: 12, permitKind: 'first' },
                consent: ['INCOME_STATEMENT'],
              },
            },
          },
        ),
      );
      const caseAtTr = async () =>
        nodesOf(
          expectOk(
            await graphql<{ cases: Connection<{ id: string; status: string; documents: { docType: string }[] }> }>(
              federation.url('TR'),
              '{ cases { edges { node { id status documents { docType } } } } }',
              { token: trOfficer },
            ),
          ).cases,
        ).find((c) => c.id === application.id);
      await eventually(async () => (await caseAtTr())?.status === 'UNDER_REVIEW');
      expectOk(
        await graphql(
          federation.url('TR'),
          `mutation { requestEvidence(caseId: "${application.id}", docType: INCOME_STATEMENT) { status } }`,
          {
            token: trOfficer,
          },
        ),
      );
      // Answered within the recorded consent: KZ signs the statement and the message with its token key.
      await eventually(async () => {
        const atTr = await caseAtTr();
        return atTr?.status === 'UNDER_REVIEW' && atTr.documents.some((d) => d.docType === 'INCOME_STATEMENT');
      });
      expectOk(
        await graphql(
          federation.url('TR'),
          `mutation { decideCase(id: "${application.id}", decision: APPROVE, reason: "Evidence complete") { status } }`,
          { token: trOfficer },
        ),
      );
      await eventually(async () =>
        (await allNodes<{ docType: string }>(federation.url('KZ'), 'myDocuments', 'docType', { token: citizen })).some(
          (d) => d.docType === 'RESIDENCE_PERMIT',
        ),
      );
      const documents = await allNodes<{ docType: string; issuer: string; verification: { valid: boolean } }>(
        federation.url('KZ'),
        'myDocuments',
        'docType issuer verification { valid }',
        { token: citizen },
      );
      expect(documents.filter((d) => d.issuer === 'KZ').length).toBeGreaterThan(0);
      for (const document of documents) expect(document.verification.valid).toBe(true);

      // The four keys KZ made in the token at its first start are audited, each named and credited to the node.
      const audit = await allNodes<{ action: string; actor: string; subject: string; details: string }>(
        federation.url('KZ'),
        'auditLog',
        'action actor subject details',
        { token: federation.token('KZ', 'admin') },
      );
      const generated = audit.filter((e) => e.action === 'keys.generated');
      expect(generated.map((e) => e.subject).sort()).toEqual(keyFile.keys.map((k: { kid: string }) => k.kid).sort());
      for (const entry of generated) {
        expect(entry.actor).toBe('system:keys');
        expect(JSON.parse(entry.details).backend).toBe('pkcs11');
      }
      expect(audit.filter((e) => e.action === 'keys.certified')).toHaveLength(3);
    });

    it('refuses a wrong PIN with one line, and writes nothing', async () => {
      await federation.down();
      const before = snapshot(join(dataRoot, 'KZ'));
      const refused = runSync(NODE_MAIN, ['--country', 'KZ', '--port', String(4001 + OFFSET + 30)], {
        ...hsm.env,
        DATA_DIR: dataRoot,
        PKCS11_PIN_FILE: hsm.wrongPinFile,
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual(['node: HSM_PIN_WRONG: token "ots-custody" refused the PIN in PKCS11_PIN_FILE']);
      expect(snapshot(join(dataRoot, 'KZ'))).toEqual(before);
    });
  });

  it('encrypts a clear key file on the first start with a passphrase; a wrong or missing passphrase is refused with one line, nothing written', async () => {
    const dataRoot = tempDataRoot('key-custody-file');
    const port = 4001 + OFFSET + 40;
    const clear = await startNode({ country: 'KZ', dataRoot, port });
    await clear.stop();
    const clearText = readFileSync(join(dataRoot, 'KZ', 'keys.json'), 'utf8');
    expect(clearText).toContain('"d"');

    writeFileSync(join(dataRoot, 'passphrase'), 'a long passphrase for the KZ node\n', { mode: 0o600 });
    writeFileSync(join(dataRoot, 'wrong'), 'not it\n', { mode: 0o600 });
    const encrypted = await startNode({ country: 'KZ', dataRoot, port, env: { KEY_PASSPHRASE_FILE: join(dataRoot, 'passphrase') } });
    await encrypted.stop();
    const sealed = readFileSync(join(dataRoot, 'KZ', 'keys.json'), 'utf8');
    expect(JSON.parse(sealed).format).toBe('ots-encrypted-keys');
    expect(sealed).not.toContain('"d"');
    expect(readdirSync(join(dataRoot, 'KZ')).filter((f) => f.startsWith('keys'))).toEqual(['keys.json']);

    const before = snapshot(join(dataRoot, 'KZ'));
    const start = (env: NodeJS.ProcessEnv) =>
      runSync(NODE_MAIN, ['--country', 'KZ', '--port', String(port)], { DATA_DIR: dataRoot, ...env });
    const wrong = start({ KEY_PASSPHRASE_FILE: join(dataRoot, 'wrong') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toEqual([
      `node: KEY_PASSPHRASE_WRONG: ${join(dataRoot, 'KZ', 'keys.json')} does not open with the passphrase in KEY_PASSPHRASE_FILE (wrong passphrase, or the file was changed)`,
    ]);
    const missing = start({ KEY_PASSPHRASE_FILE: join(dataRoot, 'no-such-file') });
    expect(missing.stderr.trim().split('\n')).toEqual([
      `node: KEY_PASSPHRASE_MISSING: KEY_PASSPHRASE_FILE ${join(dataRoot, 'no-such-file')} is missing or empty`,
    ]);
    const none = start({});
    expect(none.stderr.trim().split('\n')).toEqual([
      `node: KEY_PASSPHRASE_MISSING: ${join(dataRoot, 'KZ', 'keys.json')} is encrypted: set KEY_PASSPHRASE_FILE to the file holding its passphrase`,
    ]);
    expect(snapshot(join(dataRoot, 'KZ'))).toEqual(before);
  });

  it('signs a key request with `fedctl keys sign-request` on a machine with only the root key, and the node side checks the result', async () => {
    const offline = tempDataRoot('key-custody-offline');
    const root = await generateRootKey();
    const otherRoot = await generateRootKey();
    writeFileSync(join(offline, 'root.jwk'), JSON.stringify(root.privateJwk), { mode: 0o600 });
    writeFileSync(join(offline, 'other-root.jwk'), JSON.stringify(otherRoot.privateJwk), { mode: 0o600 });
    const signer = await generateSignerKey();
    const at = Math.floor(Date.now() / 1000);
    const request = createKeyRequest({
      requestId: randomUUID(),
      country: 'KZ',
      kind: 'signer',
      rootKid: root.kid,
      payload: { iss: 'KZ', sub: signer.kid, jwk: signer.publicJwk, use: ['doc', 'msg'], iat: at, nbf: at, exp: at + 30 * 86_400 },
    });
    writeFileSync(join(offline, 'req.json'), JSON.stringify(request, null, 2));
    // No federation, no network settings: the command reads three files and writes one.
    const signed = fedctl([
      'keys',
      'sign-request',
      '--root-key',
      join(offline, 'root.jwk'),
      '--in',
      join(offline, 'req.json'),
      '--out',
      join(offline, 'signed.json'),
      '--json',
    ]);
    expect(signed.status).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ country: 'KZ', kind: 'signer', id: request.requestId });
    const response = JSON.parse(readFileSync(join(offline, 'signed.json'), 'utf8'));
    const certificate = await verifyKeyResponse(request, response, root.publicJwk);
    const verified = await verifySignerCertificate(certificate, new Map([[root.kid, root.publicJwk]]), 'KZ', at);
    expect(verified.payload.jwk).toEqual(signer.publicJwk);

    const wrongRoot = fedctl([
      'keys',
      'sign-request',
      '--root-key',
      join(offline, 'other-root.jwk'),
      '--in',
      join(offline, 'req.json'),
      '--out',
      join(offline, 'x.json'),
    ]);
    expect(wrongRoot.status).toBe(1);
    expect(wrongRoot.stderr.trim().split('\n')).toEqual([
      `fedctl: KEY_IMPORT_MISMATCH: the request is for root ${root.kid}, this key is ${otherRoot.kid}`,
    ]);
    const tampered = { ...response, signed: response.signed.replace(/.$/, (c: string) => (c === 'A' ? 'Q' : 'A')) };
    await expect(verifyKeyResponse(request, tampered, root.publicJwk)).rejects.toMatchObject({ code: 'KEY_IMPORT_TAMPERED' });
  });
});
