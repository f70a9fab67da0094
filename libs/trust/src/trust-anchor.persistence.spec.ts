import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '@ots/persistence';
import { POSTGRES_URL, postgresTarget, sqliteTarget } from '../../../test/support/databases.js';
import { TrustAnchorEntity, TrustAnchorKeyEntity } from './trust-anchor.entity.js';

describe.each([
  ['SQLite', true],
  ['PostgreSQL', Boolean(POSTGRES_URL)],
])('trust store on %s', (name, available) => {
  let dataSource: DataSource;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (!available) return;
    const target = name === 'SQLite' ? sqliteTarget() : await postgresTarget();
    drop = 'drop' in target ? (target.drop as () => Promise<void>) : undefined;
    dataSource = new DataSource(dataSourceOptions(target, [TrustAnchorEntity, TrustAnchorKeyEntity]));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it.runIf(available)('stores an anchor with its keys and reads back the same values', async () => {
    const validFrom = new Date('2026-01-02T03:04:05.678Z');
    const repository = dataSource.getRepository(TrustAnchorEntity);
    await repository.save(
      repository.create({
        country: 'TR',
        status: 'active',
        validFrom,
        validTo: null,
        servicesAllowed: ['TR-RP-WORK'],
        baseUrl: 'http://127.0.0.1:4002',
        graphqlEndpoint: 'http://127.0.0.1:4002/graphql',
        statusListEndpoint: 'http://127.0.0.1:4002/status-lists',
        entityConfiguration: 'a.b.c',
        refreshedAt: validFrom,
        createdAt: validFrom,
        updatedAt: validFrom,
        keys: [
          {
            country: 'TR',
            thumbprint: 't'.repeat(43),
            jwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' },
            source: 'pinned',
            status: 'active',
            revokedAt: null,
            revocationReason: null,
            addedAt: validFrom,
          },
        ],
      }),
    );
    const loaded = await repository.findOneOrFail({ where: { country: 'TR' } });
    expect(loaded.validFrom.toISOString()).toBe(validFrom.toISOString());
    expect(loaded.validTo).toBeNull();
    expect(loaded.servicesAllowed).toEqual(['TR-RP-WORK']);
    expect(loaded.keys).toHaveLength(1);
    expect(loaded.keys[0]).toMatchObject({ thumbprint: 't'.repeat(43), jwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' }, source: 'pinned' });
  });

  it.runIf(available)('refuses a key for a country it has no anchor for', async () => {
    const keys = dataSource.getRepository(TrustAnchorKeyEntity);
    await expect(
      keys.insert({
        country: 'AZ',
        thumbprint: 'x'.repeat(43),
        jwk: {},
        source: 'pinned',
        status: 'active',
        revokedAt: null,
        revocationReason: null,
        addedAt: new Date(),
      }),
    ).rejects.toThrow();
  });
});
