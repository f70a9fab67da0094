import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK } from 'jose';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, devSignIn, launchChromium, screenshot } from './support/browser.js';
import { issueDocument, nodesOf, type Connection } from './support/graphql.js';
import { fedctl, PORT_SHIFT, tempDataRoot, waitFor } from './support/processes.js';
import {
  checkpointOf,
  cosignatureTime,
  entriesOf,
  entrySignaturesVerify,
  leafHashOf,
  logKeyOf,
  logSignatureVerifies,
  mth,
  rootFromPath,
  subproof,
  WitnessingFederation,
  type Country,
} from './support/transparency.js';

const b64 = (hashes: string[]): Buffer[] => hashes.map((h) => Buffer.from(h, 'base64'));

/** Key transparency between three real nodes that witness each other every second (docs/transparency.md). */
describe('the key-transparency log', () => {
  const federation = new WitnessingFederation(tempDataRoot('transparency'), 150 + PORT_SHIFT);
  const kz = () => federation.url('KZ');

  beforeAll(async () => federation.up(), 120_000);
  afterAll(async () => federation.down());

  /** Waits until KZ's checkpoint carries verifying cosignatures by both partners, at its current size. */
  async function cosignedByPartners(): Promise<void> {
    const witnesses = await Promise.all((['TR', 'UZ'] as Country[]).map(async (c) => [c, await logKeyOf(federation.url(c))] as const));
    await waitFor(
      async () => {
        const cp = await checkpointOf(kz());
        return witnesses.every(([c, key]) => cosignatureTime(cp, `ots.federation/${c}`, key) !== undefined);
      },
      30_000,
      250,
    );
  }

  it('records genesis, the keys and the pins; its entries recompute the signed checkpoint; proofs check by the RFC', async () => {
    const cp = await checkpointOf(kz());
    expect(cp.origin).toBe('ots.federation/KZ');
    expect(logSignatureVerifies(cp, await logKeyOf(kz()))).toBe(true);
    const entries = await entriesOf(kz(), cp.size);
    expect(entries.map((e) => e.index)).toEqual([...Array(cp.size).keys()]);
    expect(entrySignaturesVerify(entries)).toBe(true);
    expect(entries.every((e) => e.header.typ === 'ots-log-entry+jwt' && e.payload.iss === 'KZ' && e.payload.idx === e.index)).toBe(true);
    const events = entries.map((e) => `${e.payload.event}${e.payload.role ? ` ${e.payload.role}` : ''}`);
    expect(events.slice(0, 5)).toEqual(['log.genesis', 'key.added root', 'key.added signer', 'key.added enc', 'key.added log']);
    const pinned = entries.filter((e) => e.payload.event === 'trust.pinned');
    expect(pinned.map((e) => e.payload.subject).sort()).toEqual(['TR', 'UZ']);
    expect(pinned.every((e) => e.payload.thumbprints.length === 1)).toBe(true);

    const leaves = entries.map((e) => leafHashOf(e.leaf));
    expect(mth(leaves)).toEqual(cp.rootHash);
    for (let index = 0; index < cp.size; index += 1) {
      const size = cp.size - (index % 2);
      if (index >= size) continue;
      const answer = (await (await fetch(`${kz()}/transparency/proof/inclusion?index=${index}&size=${size}`)).json()) as Record<
        string,
        any
      >;
      expect(rootFromPath(index, size, leaves[index] as Buffer, b64(answer.proof))).toEqual(mth(leaves.slice(0, size)));
      expect(Buffer.from(answer.rootHash, 'base64')).toEqual(mth(leaves.slice(0, size)));
    }
    for (let from = 1; from <= cp.size; from += 1) {
      const answer = (await (await fetch(`${kz()}/transparency/proof/consistency?from=${from}&to=${cp.size}`)).json()) as {
        proof: string[];
      };
      expect(b64(answer.proof)).toEqual(subproof(from, leaves));
    }
  });

  it('answers bad parameters with TRANSPARENCY_BAD_RANGE and a reason, and lets caches keep what cannot change', async () => {
    const { size } = await checkpointOf(kz());
    for (const query of [
      'entries?start=abc&end=2',
      'entries?start=-1&end=2',
      `entries?start=${size}&end=${size + 5}`,
      'entries?start=2&end=2',
      `proof/inclusion?index=${size}&size=${size}`,
      `proof/inclusion?index=0&size=${size + 1}`,
      'proof/inclusion?index=0',
      `proof/consistency?from=3&to=2`,
      `proof/consistency?from=1&to=${size + 1}`,
      'proof/consistency?from=1.5&to=2',
    ]) {
      const answer = await fetch(`${kz()}/transparency/${query}`, { headers: { 'accept-language': 'en' } });
      expect([query, answer.status]).toEqual([query, 400]);
      const body = (await answer.json()) as { code: string; message: string };
      expect(body.code).toBe('TRANSPARENCY_BAD_RANGE');
      expect(body.message).toMatch(/^The log range or proof asked for is not valid: \S/);
    }
    const head = await fetch(`${kz()}/transparency/checkpoint`);
    expect(head.headers.get('cache-control')).toBe('public, max-age=5, must-revalidate');
    const entries = await fetch(`${kz()}/transparency/entries?start=0&end=1`);
    expect(entries.headers.get('cache-control')).toContain('immutable');
  });

  it('is cosigned by both partners, and each partner publishes the checkpoint it cosigned', async () => {
    await cosignedByPartners();
    for (const partner of ['TR', 'UZ'] as Country[]) {
      const seen = (await federation.witnessed(partner)).find((w) => w.log === 'KZ');
      expect(seen).toBeDefined();
    }
  });

  it('records a signer rotation and a root rollover, which verify and which the partners follow and cosign', async () => {
    const before = await checkpointOf(kz());
    const oldSigner = (await entriesOf(kz(), before.size))
      .filter((e) => e.payload.event === 'key.added' && e.payload.role === 'signer')
      .at(-1)?.payload.subject as string;
    const newSigner = (await federation.admin<{ rotateSignerKey: string }>('KZ', 'mutation { rotateSignerKey }')).rotateSignerKey;
    const oldRoot = (await federation.admin<{ node: { rootKeyThumbprints: string[] } }>('KZ', '{ node { rootKeyThumbprints } }')).node
      .rootKeyThumbprints[0] as string;
    const newRoot = (await federation.admin<{ addRootKey: string }>('KZ', 'mutation { addRootKey }')).addRootKey;
    // The partners follow the new root by key continuity, and log that decision in their own logs.
    for (const partner of ['TR', 'UZ'] as Country[]) {
      await waitFor(
        async () => {
          const cp = await checkpointOf(federation.url(partner));
          const entries = await entriesOf(federation.url(partner), cp.size);
          return entries.some(
            (e) => e.payload.event === 'trust.key-accepted' && e.payload.subject === 'KZ' && e.payload.thumbprints.includes(newRoot),
          );
        },
        30_000,
        250,
      );
    }
    await federation.admin('KZ', 'mutation($t: String!) { retireRootKey(thumbprint: $t) }', { t: oldRoot });

    const after = await checkpointOf(kz());
    const entries = await entriesOf(kz(), after.size);
    expect(entrySignaturesVerify(entries)).toBe(true);
    const added = entries.slice(before.size);
    const summary = added.map(
      (e) =>
        `${e.payload.event} ${e.payload.role} ${e.payload.subject === newSigner ? 'new-signer' : e.payload.subject === oldSigner ? 'old-signer' : e.payload.subject === newRoot ? 'new-root' : e.payload.subject === oldRoot ? 'old-root' : 'other'}`,
    );
    expect(summary.slice(0, 3)).toEqual(['key.revoked signer old-signer', 'key.added signer new-signer', 'key.added root new-root']);
    expect(summary).toContain('key.revoked root old-root');
    expect(added.find((e) => e.payload.subject === oldRoot && e.payload.event === 'key.revoked')?.payload).toMatchObject({
      reason: 'superseded',
    });
    // After the rollover the log key is certified by the new root and every entry still verifies with the log's own keys.
    expect(summary.filter((s) => s.startsWith('key.added log'))).toHaveLength(1);

    const leaves = entries.map((e) => leafHashOf(e.leaf));
    const proof = (await (await fetch(`${kz()}/transparency/proof/consistency?from=${before.size}&to=${after.size}`)).json()) as {
      proof: string[];
    };
    expect(b64(proof.proof)).toEqual(subproof(before.size, leaves));
    expect(mth(leaves.slice(0, before.size))).toEqual(before.rootHash);
    expect(logSignatureVerifies(after, await logKeyOf(kz()))).toBe(true);
    await cosignedByPartners();
  });

  it('publishes historical keys from its log; an anchors file from a partner accepts an old document of a superseded signer and refuses one of a compromised signer, offline', async () => {
    const issue = (givenName: string) =>
      issueDocument(kz(), federation.token('KZ', 'officer'), {
        docType: 'IDENTITY_ATTESTATION',
        subject: 'KZ:IIN:900101300123',
        claims: { givenName },
        validDays: 30,
        lang: 'KK',
      });
    const kidOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0] as string, 'base64url').toString()).kid as string;
    const old = await issue('Aigerim');
    await federation.admin('KZ', 'mutation { rotateSignerKey }');
    const doomed = await issue('Intruder');
    await federation.admin('KZ', 'mutation($t: String!) { revokeOwnKey(thumbprint: $t, reason: COMPROMISED) }', { t: kidOf(doomed.jws) });

    const statement = decodeJwt(await (await fetch(`${kz()}/.well-known/openid-federation`)).text()) as Record<string, any>;
    expect(statement.metadata.federation_entity.federation_historical_keys_endpoint).toBe(`${kz()}/transparency/historical-keys`);
    const answer = await fetch(`${kz()}/transparency/historical-keys`);
    expect(answer.headers.get('content-type')).toBe('application/jwk-set+jwt');
    const jwt = await answer.text();
    const jwks = createLocalJWKSet((await (await fetch(`${kz()}/.well-known/jwks.json`)).json()) as { keys: JWK[] });
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks);
    expect(protectedHeader.typ).toBe('jwk-set+jwt');
    const keys = payload.keys as { kid: string; exp: number; revoked: { revoked_at: number; reason: string } }[];
    expect(keys.find((k) => k.kid === kidOf(doomed.jws))?.revoked.reason).toBe('compromised');
    const superseded = keys.find((k) => k.kid === kidOf(old.jws));
    expect(superseded?.revoked.reason).toBe('superseded');
    expect(superseded?.exp).toBeGreaterThan(superseded?.revoked.revoked_at as number);

    // TR learns the revocations on its next refresh, and its trust export carries them.
    await waitFor(
      async () => {
        const keysAtTr = await federation.admin<{ partnerKeys: { thumbprint: string; status: string; revocationReason: string | null }[] }>(
          'TR',
          '{ partnerKeys(country: "KZ") { thumbprint status revocationReason } }',
        );
        return keysAtTr.partnerKeys.some((k) => k.thumbprint === kidOf(doomed.jws) && k.revocationReason === 'COMPROMISED');
      },
      30_000,
      250,
    );
    const exported = fedctl(['--data-dir', federation.dataRoot, 'trust', 'export', '--node', federation.url('TR')]);
    expect(exported.status).toBe(0);
    const dir = tempDataRoot('historical');
    writeFileSync(join(dir, 'anchors.json'), exported.stdout);
    writeFileSync(join(dir, 'old.jws'), old.jws);
    writeFileSync(join(dir, 'doomed.jws'), doomed.jws);
    const accepted = fedctl(['verify', join(dir, 'old.jws'), '--anchors', join(dir, 'anchors.json')]);
    expect([accepted.status, accepted.stdout.split('\n')[0]]).toEqual([0, 'OK']);
    const refused = fedctl(['verify', join(dir, 'doomed.jws'), '--anchors', join(dir, 'anchors.json')]);
    expect([refused.status, refused.stdout.trim()]).toEqual([1, 'KEY_REVOKED']);
  });

  it('a log rewritten between runs is detected by every partner on its next refresh; no new root is followed until an admin clears it', async () => {
    await federation.stop('KZ');
    const db = new Database(join(federation.dataRoot, 'KZ', 'node.sqlite'));
    const forged = leafHashOf(Buffer.from('a history the node would rather have had')).toString('hex');
    db.prepare('UPDATE transparency_entry SET leaf_hash = ? WHERE idx = 2').run(forged);
    db.close();
    await federation.start('KZ');
    for (const partner of ['TR', 'UZ'] as Country[]) {
      await waitFor(async () => (await federation.alarms(partner)).some((a) => a.country === 'KZ'), 30_000, 250);
      const [alarm] = (await federation.alarms(partner)).filter((a) => a.country === 'KZ');
      expect(alarm?.kind).toBe('SAME_SIZE_FORK');
      expect(JSON.parse(alarm?.evidence as string)).toMatchObject({ conflictingVia: 'KZ' });
      const audit = await federation.admin<{ auditLog: Connection<{ action: string; subject: string }> }>(
        partner,
        '{ auditLog(first: 100) { edges { node { action subject } } } }',
      );
      expect(nodesOf(audit.auditLog)).toContainEqual({ action: 'transparency.alarm', subject: 'KZ' });
    }

    // TR's admins see it on every console page, whichever they open.
    const browser = await launchChromium();
    try {
      const page = await desktopPage(browser);
      await page.goto(`${federation.url('TR')}/console/federation`);
      await devSignIn(page, 'admin');
      const banner = page.getByTestId('transparency-alarm');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('the key log of KZ forked or was rewritten');
      await screenshot(page, 'transparency-alarm');
    } finally {
      await browser.close();
    }

    // KZ itself sees its partners cosign a history it no longer has.
    await waitFor(async () => (await federation.alarms('KZ')).some((a) => a.country === 'KZ' && a.kind === 'OWN_LOG_FORK'), 30_000, 250);

    const newRoot = (await federation.admin<{ addRootKey: string }>('KZ', 'mutation { addRootKey }')).addRootKey;
    const rootsAtTr = async () =>
      (
        await federation.admin<{ partnerKeys: { kind: string; thumbprint: string }[] }>(
          'TR',
          '{ partnerKeys(country: "KZ") { kind thumbprint } }',
        )
      ).partnerKeys
        .filter((k) => k.kind === 'ROOT')
        .map((k) => k.thumbprint);
    await waitFor(
      async () => {
        const audit = await federation.admin<{ auditLog: Connection<{ action: string; subject: string }> }>(
          'TR',
          '{ auditLog(first: 50) { edges { node { action subject } } } }',
        );
        return nodesOf(audit.auditLog).some((a) => a.action === 'trust.root-refused-transparency-alarm' && a.subject === 'KZ');
      },
      30_000,
      250,
    );
    expect(await rootsAtTr()).not.toContain(newRoot);

    const [alarm] = await federation.alarms('TR');
    const cleared = await federation.admin<{ clearTransparencyAlarm: { clearedBy: string; clearNote: string } }>(
      'TR',
      'mutation($id: String!) { clearTransparencyAlarm(id: $id, note: "KZ admin confirmed a restored database; keys re-checked") { clearedBy clearNote } }',
      { id: alarm?.id },
    );
    expect(cleared.clearTransparencyAlarm.clearedBy).toBe('TR:STAFF:admin');
    await waitFor(async () => (await rootsAtTr()).includes(newRoot), 30_000, 250);
    const audit = await federation.admin<{ auditLog: Connection<{ action: string; subject: string }> }>(
      'TR',
      '{ auditLog(first: 50) { edges { node { action subject } } } }',
    );
    expect(nodesOf(audit.auditLog)).toContainEqual({ action: 'transparency.alarm-cleared', subject: 'KZ' });
  });
});
