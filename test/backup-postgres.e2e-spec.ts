import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity, AuditLogService } from '@ots/audit';
import {
  appendAuditEntry,
  backedUpEvent,
  BackupPassphraseError,
  restoreBackup,
  restoredEvent,
  restoreTargetProblem,
  verifyBackup,
  writeBackup,
  type NodeStorage,
} from '@ots/backup';
import { dataSourceOptions, NodeDataSource, SequenceCounterEntity } from '@ots/persistence';
import { POSTGRES_BIN, privatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { PORT_SHIFT } from './support/processes.js';

const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = Buffer.from('the passphrase of the postgres backup');

/**
 * The PostgreSQL path of backup and restore (pg_dump's custom format, pg_restore in one transaction), against the
 * server TEST_DATABASE_URL names or, without one, a private server of this spec's own.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL && !POSTGRES_BIN)('backup and restore on PostgreSQL', () => {
  let server: PrivatePostgres | undefined;
  let adminUrl: string;
  const created: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'ots-backup-pg-'));

  const database = async (name: string): Promise<string> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    created.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const storage = (name: string, databaseUrl: string): NodeStorage => ({ country: 'KZ', dataDir: join(work, name), databaseUrl });

  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) adminUrl = process.env.TEST_DATABASE_URL;
    else {
      server = await privatePostgres(5432 + 60 + PORT_SHIFT);
      adminUrl = server.url;
    }
  });
  afterAll(async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    await server?.destroy();
  });

  it('restores a dump into an empty database with its audit chain intact, and refuses a non-empty one', async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const source = storage('source', await database(`ots_backup_src_${suffix}`));
    // A node's database as migrations make it, with a chain of entries; a file in its data directory.
    for (const subject of ['one', 'two', 'three']) await appendAuditEntry(source, { actor: 'KZ:ADMIN:1', action: 'test.event', subject });
    mkdirSync(source.dataDir);
    writeFileSync(join(source.dataDir, 'keys.json'), '{"opaque": true}');

    const out = join(work, 'kz.otsbackup');
    const result = await writeBackup(source, { out, passphrase: PASSPHRASE, keyBackend: 'pkcs11', scrypt: FAST });
    expect(result.manifest).toMatchObject({ database: { kind: 'postgres' }, keyBackend: 'pkcs11', keyMaterial: 'none' });
    await appendAuditEntry(source, backedUpEvent('KZ:ADMIN:1', result.sha256, false, 'postgres'));

    expect(await restoreTargetProblem({ ...source, dataDir: join(work, 'nowhere') })).toEqual({
      kind: 'database-not-empty',
      tables: expect.any(Number),
    });

    const target = storage('target', await database(`ots_backup_dst_${suffix}`));
    await expect(verifyBackup(out, Buffer.from('another passphrase entirely'))).rejects.toBeInstanceOf(BackupPassphraseError);
    expect(await restoreTargetProblem(target)).toBeUndefined();
    const manifest = await verifyBackup(out, PASSPHRASE);
    mkdirSync(target.dataDir);
    await restoreBackup(target, out, PASSPHRASE);
    expect(readFileSync(join(target.dataDir, 'keys.json'), 'utf8')).toBe('{"opaque": true}');
    await appendAuditEntry(target, restoredEvent('os:test@host', result.sha256, manifest));

    const dataSource = new NodeDataSource(
      dataSourceOptions({ databaseUrl: target.databaseUrl, sqliteFile: '' }, [AuditEntryEntity, SequenceCounterEntity]),
    );
    await dataSource.initialize();
    try {
      const audit = new AuditLogService(dataSource);
      // The three entries of the snapshot, then the restore; the backup's own entry came after the snapshot.
      expect(await audit.verify()).toEqual({ entries: 4 });
      const actions = (await dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } })).map((e) => e.action);
      expect(actions).toEqual(['test.event', 'test.event', 'test.event', 'node.restored']);
    } finally {
      await dataSource.destroy();
    }
    expect((await restoreTargetProblem({ ...target, dataDir: join(work, 'nowhere') }))?.kind).toBe('database-not-empty');
  }, 60_000);
});
