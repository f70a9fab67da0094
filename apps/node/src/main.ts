import 'reflect-metadata';
import { ConfigError, DataDirectoryLock, defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { stopTracing } from '@ots/monitoring';
import { createNodeApp, loadNodeSeed, preflight } from './bootstrap.js';

/**
 * One country's federation node: `node dist/apps/node/src/main.js --country KZ`.
 * Any start-up failure is one line on stderr and exit code 1.
 */
async function main(): Promise<void> {
  const federation = loadFederationConfig(process.env.FEDERATION_CONFIG_DIR ?? defaultFederationConfigDir());
  const config = loadNodeConfig(process.argv.slice(2), process.env, federation);
  const seed = loadNodeSeed(config, federation);
  await preflight(config);
  // One process per SQLite file; PostgreSQL replicas share the data folder (for the keys) on purpose.
  const lock = config.databaseUrl ? undefined : DataDirectoryLock.acquire(config.dataDir);
  process.once('exit', () => lock?.release());
  const app = await createNodeApp(config, federation, seed);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', (_instance, done) => {
      lock?.release();
      void stopTracing().finally(() => done());
    });
  await app.listen(config.port, config.host);
  // Whatever LOG_LEVEL says: `fedctl up` waits for this line (a JSON log line unless stdout is a terminal).
  const ready = `${config.countryCode} node ready at ${config.publicBaseUrl} (GraphQL ${config.graphqlEndpoint})`;
  process.stdout.write(`${process.stdout.isTTY ? ready : JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: ready })}\n`);

  // Started by `fedctl up`: when the parent goes away, so does the node (nothing orphaned).
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  // A typed refusal names its code first (KEY_PASSPHRASE_WRONG: ...), so scripts can tell why the node stopped.
  const code = err instanceof OtsError && err.code !== ConfigError.code ? `${err.code}: ` : '';
  process.stderr.write(`node: ${code}${message.split('\n')[0]}\n`);
  process.exit(1);
});
