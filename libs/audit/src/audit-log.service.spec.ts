import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions, NodeDataSource, runStatement, SequenceCounterEntity, sqlNames, type DatabaseTarget } from '@ots/persistence';
import { POSTGRES_URL, postgresTarget, sqliteTarget } from '../../../test/support/databases.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditLogService } from './audit-log.service.js';

const targets = [
  { name: 'SQLite', target: async (): Promise<DatabaseTarget & { drop?(): Promise<void> }> => sqliteTarget() },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL', target: postgresTarget }] : []),
];

describe.each(targets)('the audit log on $name', ({ target }) => {
  let dataSource: DataSource;
  let audit: AuditLogService;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await target();
    drop = () => database.drop?.() ?? Promise.resolve();
    dataSource = await new NodeDataSource(dataSourceOptions(database, [AuditEntryEntity, SequenceCounterEntity])).initialize();
    audit = new AuditLogService(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  const event = (action: string) => ({ actor: 'spec', action, subject: action, details: { action } });

  it('chains single and grouped appends from concurrent transactions; a rolled-back group leaves no gap', async () => {
    expect(await dataSource.transaction((m) => audit.appendMany(m, []))).toEqual([]);
    await audit.record(event('one'));
    const grouped = await dataSource.transaction((m) => audit.appendMany(m, [event('a1'), event('a2'), event('a3')]));
    expect(grouped.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(grouped[1]?.prevHash).toBe(grouped[0]?.hash);

    await expect(
      dataSource.transaction(async (m) => {
        await audit.appendMany(m, [event('lost1'), event('lost2')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await Promise.all([
      dataSource.transaction((m) => audit.appendMany(m, [event('b1'), event('b2')])),
      dataSource.transaction((m) => audit.appendMany(m, [event('c1'), event('c2')])),
      audit.record(event('d')),
    ]);

    const entries = (await audit.list({ first: 100 })).edges.map((e) => e.node);
    expect(entries.map((e) => e.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // Keyset paging in the database: forwards with first/after and backwards with last/before give the whole log.
    const forwards: number[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page = await audit.list({ first: 2, after });
      forwards.push(...page.edges.map((e) => e.node.seq));
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    const backwards: number[] = [];
    for (let before: string | null = null, more = true; more;) {
      const page = await audit.list({ last: 4, before });
      backwards.unshift(...page.edges.map((e) => e.node.seq));
      ({ hasPreviousPage: more, startCursor: before } = page.pageInfo);
    }
    expect(forwards).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(backwards).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(entries.map((e) => e.action)).not.toContain('lost1');
    // Each group's entries stay together, whichever transaction went first.
    const actions = entries
      .map((e) => e.action)
      .reverse()
      .join(' ');
    expect(actions).toMatch(/^one a1 a2 a3 /);
    expect(actions).toContain('b1 b2');
    expect(actions).toContain('c1 c2');
    expect(await audit.verify()).toEqual({ entries: 9 });
  });

  it('verifies a log longer than one page, and names an entry changed on a later page', async () => {
    const before = (await audit.verify()).entries;
    for (let i = 0; i < 25; i++)
      await dataSource.transaction((m) =>
        audit.appendMany(
          m,
          Array.from({ length: 1000 }, (_, j) => event(`bulk-${i}-${j}`)),
        ),
      );
    expect(await audit.verify()).toEqual({ entries: before + 25_000 });
    const { table, column: c } = sqlNames(dataSource.manager, AuditEntryEntity);
    await dataSource.transaction((m) =>
      runStatement(m, `UPDATE ${table} SET ${c('details')} = ? WHERE ${c('seq')} = ?`, ['{"action":"edited"}', 15_000]),
    );
    expect(await audit.verify()).toEqual({
      entries: before + 25_000,
      broken: { seq: 15_000, problem: 'its content does not match its hash' },
    });
  });
});
