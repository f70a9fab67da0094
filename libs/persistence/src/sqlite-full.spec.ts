import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../../../test/support/databases.js';
import { databaseFault } from './database-faults.js';
import { dataSourceOptions } from './data-source-options.js';
import { NodeDataSource } from './node-data-source.js';
import { SequenceCounterEntity } from './sequence-counter.entity.js';

/** SQLite out of space (`PRAGMA max_page_count` caps the file, as a full disk would): refused whole, then usable again. */
describe('NodeDataSource on a full SQLite database', () => {
  let dataSource: NodeDataSource;
  beforeAll(async () => {
    dataSource = await new NodeDataSource(dataSourceOptions(sqliteTarget(), [SequenceCounterEntity])).initialize();
    await dataSource.query('CREATE TABLE filler (data BLOB NOT NULL)');
  });
  afterAll(async () => dataSource.destroy());

  const rows = async () => Number(((await dataSource.query('SELECT count(*) AS n FROM filler')) as { n: number }[])[0]?.n);
  const fill = (blobs: number) =>
    dataSource.transaction(async (manager) => {
      for (let i = 0; i < blobs; i++) await manager.query('INSERT INTO filler (data) VALUES (randomblob(65536))');
    });

  it('refuses a transaction that does not fit with STORAGE_FULL, keeps none of it, and frees the connection', async () => {
    await fill(2);
    const pages = Number(((await dataSource.query('PRAGMA page_count')) as { page_count: number }[])[0]?.page_count);
    await dataSource.query(`PRAGMA max_page_count = ${pages + 4}`);
    const refused = await fill(20).catch((err: unknown) => err);
    expect(databaseFault(refused)?.code).toBe('STORAGE_FULL');
    // The next statement and transaction get the connection (they waited forever when SQLite had ended the
    // transaction itself and TypeORM's ROLLBACK failed), and nothing of the refused transaction is there.
    expect(await rows()).toBe(2);
    await dataSource.transaction((manager) => manager.query("INSERT INTO filler (data) VALUES (x'00')"));
    expect(await rows()).toBe(3);

    await dataSource.query('PRAGMA max_page_count = 1073741823');
    await fill(20);
    expect(await rows()).toBe(23);
  });
});
