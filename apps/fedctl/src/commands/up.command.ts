import type { Command } from 'commander';
import { CliContext, UsageError } from '../cli-context.js';
import { graphqlRequest } from '../graphql-client.js';
import { LocalFederation } from '../local-federation.js';
import { printTable, type GlobalOptions } from '../output.js';
import { addTrustAnchor, listTrustAnchors } from './trust.command.js';

interface UpOptions {
  countries?: string;
  logLevel: string;
}

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description('start a local federation: one node per country, mutual trust ceremony, then a table of the nodes; Ctrl-C stops them all')
    .option('--countries <list>', 'comma-separated country codes (default: the five members)')
    .option('--log-level <level>', 'log level of the nodes: error, warn, log, debug, verbose', 'warn')
    .action(async (options: UpOptions, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const countries = parseCountries(context, options.countries);
      await up(context, countries, options.logLevel);
    });
}

function parseCountries(context: CliContext, list: string | undefined): string[] {
  if (list === undefined) return context.federation.members.map((c) => c.code);
  const countries = list
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => context.countryOrFail(c));
  if (countries.length === 0) throw new UsageError('--countries needs at least one country code');
  if (new Set(countries).size !== countries.length) throw new UsageError(`--countries lists a country twice: ${list}`);
  return countries;
}

async function up(context: CliContext, countries: string[], logLevel: string): Promise<void> {
  const started = Date.now();
  const federation = new LocalFederation();
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stderr.write('stopping the local federation...\n');
      await federation.stop();
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const nodes = countries.map((country) =>
      federation.start(
        country,
        context.localUrl(country),
        { DATA_DIR: context.dataRoot, DEV_IDP: 'on', LOG_LEVEL: logLevel, NODE_ENV: 'development' },
        ['--port-offset', String(context.portOffset)],
      ),
    );
    await Promise.all(nodes.map((node) => federation.waitReady(node)));

    // The out-of-band step: each admin reads the partner's root thumbprints (here: from the partner itself).
    const thumbprints = new Map<string, string[]>();
    for (const node of nodes) {
      const { node: info } = await graphqlRequest<{ node: { rootKeyThumbprints: string[] } }>({
        endpoint: `${node.baseUrl}/graphql`,
        query: '{ node { rootKeyThumbprints } }',
      });
      thumbprints.set(node.country, info.rootKeyThumbprints);
    }
    const tokens = new Map(
      await Promise.all(nodes.map(async (n) => [n.country, await context.token(n.country, 'admin', undefined)] as const)),
    );
    await Promise.all(
      nodes.flatMap((node) =>
        nodes
          .filter((partner) => partner !== node)
          .map((partner) =>
            addTrustAnchor({
              node,
              token: tokens.get(node.country) as string,
              partner: partner.country,
              thumbprints: thumbprints.get(partner.country) ?? [],
              from: partner.baseUrl,
            }),
          ),
      ),
    );

    const rows = await Promise.all(
      nodes.map(async (node) => {
        const anchors = await listTrustAnchors(node, tokens.get(node.country) as string);
        const trusted = anchors.filter((a) => a.status === 'active').length;
        return [node.country, node.baseUrl, `${node.baseUrl}/graphql`, thumbprints.get(node.country)?.[0] ?? '', String(trusted)];
      }),
    );
    printTable(['country', 'URL', 'GraphQL endpoint', 'root key thumbprint', 'trusted partners'], rows);
    process.stdout.write(
      `federation of ${nodes.length} ready in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${context.dataRoot}; Ctrl-C stops every node\n`,
    );

    // Any node that dies takes the federation down with it: a half-running federation misleads testers.
    const firstExit = await Promise.race(nodes.map((node) => node.exited.then((code) => ({ node, code }))));
    if (!stopping) {
      process.stderr.write(`${firstExit.node.country} node exited (code ${firstExit.code}); stopping the others\n`);
      await stop(1);
    }
  } catch (err) {
    process.stderr.write(`fedctl up: ${(err as Error).message}\n`);
    await stop(1);
  }
}
