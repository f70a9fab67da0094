import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_URL, postgresTarget, sqliteTarget } from '../../../test/support/databases.js';
import { dataSourceOptions, type DatabaseTarget } from './data-source-options.js';
import { MIGRATIONS } from './migrations/index.js';

const targets: [string, boolean, () => Promise<DatabaseTarget & { drop?: () => Promise<void> }>][] = [
  ['SQLite', true, async () => sqliteTarget()],
  ['PostgreSQL', Boolean(POSTGRES_URL), postgresTarget],
];

describe.each(targets)('migrations on %s', (name, available, makeTarget) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function open(target: DatabaseTarget): Promise<DataSource> {
    const dataSource = new DataSource(dataSourceOptions(target));
    await dataSource.initialize();
    cleanups.unshift(async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    });
    return dataSource;
  }

  it.runIf(available)('run at start-up, once, and can be reverted', async () => {
    const target = await makeTarget();
    if (target.drop) cleanups.push(target.drop);
    const first = await open(target);
    expect(await first.showMigrations()).toBe(false);
    const tables = (
      await first
        .createQueryRunner()
        .getTables([
          'trust_anchor',
          'trust_anchor_key',
          'issued_document',
          'audit_entry',
          'sequence_counter',
          'registry_service',
          'outbox_message',
          'inbox_message',
          'application',
          'evidence_request',
          'citizen_document',
          'tax_record',
          'transparency_entry',
          'transparency_witnessed',
          'transparency_cosignature',
          'transparency_alarm',
        ])
    ).map((t) => t.name.replace(/^.*\./, ''));
    expect(tables.sort()).toEqual([
      'application',
      'audit_entry',
      'citizen_document',
      'evidence_request',
      'inbox_message',
      'issued_document',
      'outbox_message',
      'registry_service',
      'sequence_counter',
      'tax_record',
      'transparency_alarm',
      'transparency_cosignature',
      'transparency_entry',
      'transparency_witnessed',
      'trust_anchor',
      'trust_anchor_key',
    ]);
    await first.destroy();

    const second = await open(target);
    const applied = await second.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((m) => new m().name));

    for (let i = 0; i < MIGRATIONS.length; i += 1) await second.undoLastMigration();
    expect(await second.createQueryRunner().hasTable('trust_anchor')).toBe(false);
    expect(await second.showMigrations()).toBe(true);
  });

  it.runIf(available && name === 'SQLite')('use SQLite in WAL mode, with the page cache asked for', async () => {
    const dataSource = await open(await makeTarget());
    expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -2048 }]);
    const larger = await open({ ...(await makeTarget()), sqliteCacheMib: 32 });
    expect(await larger.query('PRAGMA cache_size')).toEqual([{ cache_size: -32768 }]);
  });
});
