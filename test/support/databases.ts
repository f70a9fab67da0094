import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseTarget } from '@ots/persistence';
import { tempDataRoot } from './processes.js';

/**
 * The databases every persistence spec runs against: a fresh SQLite file
 * always, and PostgreSQL when TEST_DATABASE_URL names a server (CI starts
 * one from Debian's packages; see .ci/run).
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export const sqliteTarget = (): DatabaseTarget => ({ sqliteFile: join(tempDataRoot('sqlite'), 'node.sqlite') });

/** A database of its own on the test server, so specs never see each other's rows. */
export async function postgresTarget(): Promise<DatabaseTarget & { drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ots_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    sqliteFile: '',
    async drop() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
