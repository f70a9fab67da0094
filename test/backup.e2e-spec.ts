import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken, type Role } from '@ots/identity';
import { allNodes, graphql } from './support/graphql.js';
import { fedctl, startNode, tempDataRoot, waitFor, type RunningNode, PORT_SHIFT } from './support/processes.js';

const OFFSET = 1250 + PORT_SHIFT;
const PORT = { KZ: 4001 + OFFSET, TR: 4002 + OFFSET };
const CITIZEN = 'KZ:IIN:900101300123';
const FORM = { purpose: 'Seasonal engineering work', intendedStayMonths: 6, permitKind: 'first' };
/** Sent while TR is down, so they sit in KZ's outbox when the backup is taken. */
const BEFORE = 4;
/** Sent and delivered after the backup: the restored KZ knows nothing of them, TR has them. */
const AFTER = 4;

/**
 * A node lost and restored: KZ is backed up while it runs with messages still in its outbox, sends more, then its
 * data directory is destroyed and restored from the backup. TR ends with every message once, the flows go on, and
 * KZ's audit chain verifies. Tampered files, wrong passphrases and non-empty targets are refused, writing nothing.
 */
describe('backup and restore of a node', () => {
  const dataRoot = tempDataRoot('backup');
  const work = tempDataRoot('backup-files');
  const backupFile = join(work, 'kz.otsbackup');
  const passphraseFile = join(work, 'passphrase');
  const env = { OUTBOX_BASE_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' };
  const nodes: Partial<Record<'KZ' | 'TR', RunningNode>> = {};
  const url = (c: 'KZ' | 'TR') => `http://127.0.0.1:${PORT[c]}`;
  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    fedctl(['--data-dir', dataRoot, '--port-offset', String(OFFSET), ...args], extra);
  // Minted here rather than by `fedctl token`: a fedctl run is slow on a busy machine. The dev IdP's key comes back
  // with the restore, so tokens minted before it stay valid.
  const tokens = new Map<string, Promise<string>>();
  const token = (country: string, subject: string, role: Role): Promise<string> => {
    const key = `${country} ${subject} ${role}`;
    if (!tokens.has(key))
      tokens.set(key, mintDevToken({ dataDir: join(dataRoot, country), country, subject, roles: [role], ttlSeconds: 900 }));
    return tokens.get(key) as Promise<string>;
  };
  const start = async (country: 'KZ' | 'TR') => (nodes[country] = await startNode({ country, dataRoot, port: PORT[country], env }));
  const stop = async (country: 'KZ' | 'TR') => nodes[country]?.stop();
  const kzDir = join(dataRoot, 'KZ');

  const apply = async (citizenToken: string): Promise<string> => {
    const res = await graphql<{ applyAbroad: { id: string } }>(
      url('KZ'),
      'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
      {
        token: citizenToken,
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
      },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.applyAbroad.id;
  };
  const outbox = async (status: string) =>
    (
      await allNodes<{ jti: string }>(url('KZ'), 'outbox', 'jti', {
        token: await token('KZ', 'KZ:ADMIN:1', 'admin'),
        args: 'filter: { status: $s }',
        variableDefinitions: '$s: MessageStatus',
        variables: { s: status },
      })
    ).length;
  const casesAtTr = async () =>
    allNodes<{ id: string; status: string }>(url('TR'), 'cases', 'id status', { token: await token('TR', 'TR:OFFICER:1', 'officer') });
  const auditLog = async (country: 'KZ' | 'TR') =>
    allNodes<{ actor: string; action: string; subject: string; details: string }>(
      url(country),
      'auditLog',
      'actor action subject details',
      {
        token: await token(country, `${country}:ADMIN:1`, 'admin'),
      },
    );
  const restore = (args: string[] = [], extra: NodeJS.ProcessEnv = {}) =>
    cli(['restore', '--node', 'KZ', '--in', backupFile, '--passphrase-file', passphraseFile, ...args], extra);

  beforeAll(async () => {
    writeFileSync(passphraseFile, 'a long passphrase for the KZ backup\n', { mode: 0o600 });
    await Promise.all([start('KZ'), start('TR')]);
    for (const [node, partner] of [
      ['KZ', 'TR'],
      ['TR', 'KZ'],
    ] as const) {
      const thumbprint = (await graphql<{ node: { rootKeyThumbprints: string[] } }>(url(partner), '{ node { rootKeyThumbprints } }')).data
        ?.node.rootKeyThumbprints[0] as string;
      expect(
        cli(['trust', 'add', '--node', url(node), '--country', partner, '--thumbprint', thumbprint, '--from', url(partner)]).status,
      ).toBe(0);
    }
  });
  afterAll(async () => {
    await Promise.all(Object.values(nodes).map((n) => n?.stop()));
    rmSync(work, { recursive: true, force: true });
  });

  it('restores a destroyed node from a backup taken while it ran; no message lost or doubled; the flows go on', async () => {
    const citizen = await token('KZ', CITIZEN, 'citizen');
    // One application while TR is up, so that KZ has TR's catalogue when TR goes down.
    const first = await apply(citizen);
    await waitFor(async () => (await outbox('DELIVERED')) === 1, 30_000, 200);
    await stop('TR');
    const before = await Promise.all(Array.from({ length: BEFORE }, () => apply(citizen)));
    expect(await outbox('PENDING')).toBe(BEFORE);

    const backup = cli(['backup', '--node', 'KZ', '--out', backupFile, '--passphrase-file', passphraseFile]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^KZ: backup written to .*kz\.otsbackup \(\d+ bytes, SHA-256 [0-9a-f]{64}\); audit entry \d+\n/);
    expect(backup.stdout).toContain('key material included');
    const sha256 = /SHA-256 ([0-9a-f]{64})/.exec(backup.stdout)?.[1] as string;
    // Recorded by the running node (its database's one writer), naming the admin whose token fedctl used.
    const recorded = (await auditLog('KZ')).find((e) => e.action === 'node.backed-up');
    expect(recorded).toMatchObject({ actor: 'KZ:ADMIN:fedctl', subject: sha256 });
    expect(JSON.parse(recorded?.details ?? '{}')).toEqual({ keyMaterialIncluded: true, database: 'sqlite' });
    expect(readFileSync(backupFile).includes(Buffer.from('"privateJwk"'))).toBe(false);

    await start('TR');
    await waitFor(async () => (await outbox('DELIVERED')) === 1 + BEFORE, 30_000, 200);
    const after = await Promise.all(Array.from({ length: AFTER }, () => apply(citizen)));
    await waitFor(async () => (await outbox('DELIVERED')) === 1 + BEFORE + AFTER, 30_000, 200);

    await stop('KZ');
    // A stopped node is backed up too: fedctl holds its lock meanwhile and is the one that writes the audit entry.
    const cold = cli(['backup', '--node', 'KZ', '--out', join(work, 'cold.otsbackup'), '--passphrase-file', passphraseFile, '--json']);
    expect(cold.status).toBe(0);
    expect(JSON.parse(cold.stdout)).toMatchObject({ auditSeq: expect.any(Number), manifest: { country: 'KZ', keyMaterial: 'files' } });
    expect(existsSync(join(kzDir, 'node.lock'))).toBe(false);
    // The machine is lost.
    rmSync(kzDir, { recursive: true, force: true });

    const flipped = join(work, 'flipped.otsbackup');
    const original = readFileSync(backupFile);
    const bytes = Buffer.from(original);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x10;
    writeFileSync(flipped, bytes);
    const tampered = cli(['restore', '--node', 'KZ', '--in', flipped, '--passphrase-file', passphraseFile]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toBe(
      `fedctl: BACKUP_ALTERED: ${flipped} has been changed or damaged since it was written; nothing was restored\n`,
    );
    expect(existsSync(kzDir)).toBe(false);

    const wrong = join(work, 'wrong-passphrase');
    writeFileSync(wrong, 'not the passphrase of this backup\n');
    const refused = cli(['restore', '--node', 'KZ', '--in', backupFile, '--passphrase-file', wrong, '--lang', 'tr']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `fedctl: BACKUP_WRONG_PASSPHRASE: parola ifadesi ${backupFile} dosyasını açmıyor; hiçbir şey geri yüklenmedi\n`,
    );
    expect(existsSync(kzDir)).toBe(false);

    mkdirSync(kzDir);
    writeFileSync(join(kzDir, 'left-over'), 'x');
    const notEmpty = restore();
    expect(notEmpty.status).toBe(1);
    expect(notEmpty.stderr).toMatch(/^fedctl: RESTORE_TARGET_NOT_EMPTY: .*KZ is not empty \(1 entries\)/);
    rmSync(kzDir, { recursive: true });

    const restored = restore();
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^KZ: restored from .* into .*KZ; audit entry \d+; start the node now\n/);
    await start('KZ');

    // The messages that were in the outbox at backup time go out again; TR knows their jti and answers with its first
    // receipt, so they are delivered without a second case. What KZ sent after the backup it does not know; TR does.
    await waitFor(async () => (await outbox('DELIVERED')) === 1 + BEFORE, 30_000, 200);
    expect(await outbox('PENDING')).toBe(0);
    expect(await outbox('DEAD')).toBe(0);
    const cases = await casesAtTr();
    expect(cases.map((c) => c.id).sort()).toEqual([first, ...before, ...after].sort());
    const received = (await auditLog('TR')).filter((e) => e.action === 'message.received' && e.details.includes('application.submit'));
    expect(received).toHaveLength(1 + BEFORE + AFTER);

    // A new residence-permit application completes its way to TR.
    const next = await apply(citizen);
    await waitFor(async () => (await casesAtTr()).some((c) => c.id === next), 30_000, 200);
    expect(await casesAtTr()).toHaveLength(1 + BEFORE + AFTER + 1);

    const restoredEntry = (await auditLog('KZ')).find((e) => e.action === 'node.restored');
    expect(restoredEntry?.subject).toBe(sha256);
    expect(restoredEntry?.actor).toMatch(/^os:.+@.+$/);
    const verify = cli(['audit', 'verify', '--node', 'KZ']);
    expect(verify.stdout).toMatch(/^KZ: audit log intact \(\d+ entries\)/);
    expect(verify.status).toBe(0);
  }, 180_000);
});
