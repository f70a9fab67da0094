import { Option, type Command } from 'commander';
import { LOG_LEVELS } from '@ots/config';
import { CliError, UsageError } from '../cli-error.js';
import { CliContext } from '../cli-context.js';
import { graphqlRequest, NodeRequestError } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import { firstPortInUse, LocalFederation, type NodeProcess } from '../local-federation.js';
import { NodeIdentityDocument } from '../operations/generated.js';
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
    .addOption(new Option('--log-level <level>', 'log level of the nodes').choices(LOG_LEVELS).default('warn'))
    .action(async (options: UpOptions, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const countries = parseCountries(context, options.countries);
      // Every port first, before anything starts: a federation already running on them is left alone entirely.
      const busy = await firstPortInUse(countries.map((country) => ({ country, port: context.localPort(country) })));
      if (busy) throw new CliError('portBusy', { port: busy.port, country: busy.country });
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
  if (countries.length === 0) throw new UsageError('noCountries');
  if (new Set(countries).size !== countries.length) throw new UsageError('countryTwice', { list });
  return countries;
}

async function up(context: CliContext, countries: string[], logLevel: string): Promise<void> {
  const started = Date.now();
  const federation = new LocalFederation();
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stderr.write(`${cliText('stopping')}\n`);
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
    // Only nodes this process started and saw listen take part in the ceremony below.
    await Promise.all(nodes.map((node) => federation.waitReady(node)));
    const thumbprints = await trustCeremony(context, nodes);

    const rows = await Promise.all(
      nodes.map(async (node) => {
        const anchors = await listTrustAnchors(await adminTarget(context, node));
        const trusted = anchors.filter((a) => a.status === 'active').length;
        const row = [node.country, node.baseUrl, `${node.baseUrl}/graphql`, `${node.baseUrl}/console/`];
        return [...row, thumbprints.get(node.country)?.[0] ?? '', String(trusted)];
      }),
    );
    printTable(['country', 'URL', 'GraphQL endpoint', 'console', 'root key thumbprint', 'trusted partners'], rows);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${cliText('federationReady', { count: nodes.length, seconds, dir: context.dataRoot })}\n`);

    // Any node that dies takes the federation down with it: a half-running federation misleads testers.
    const firstExit = await Promise.race(nodes.map((node) => node.exited.then((code) => ({ node, code }))));
    if (!stopping) {
      process.stderr.write(`${cliText('nodeExited', { country: firstExit.node.country, code: String(firstExit.code) })}\n`);
      await stop(1);
    }
  } catch (err) {
    process.stderr.write(`fedctl: ${err instanceof NodeRequestError ? err.describe() : (err as Error).message}\n`);
    await stop(1);
  }
}

const adminTarget = async (context: CliContext, node: NodeProcess) => ({
  endpoint: `${node.baseUrl}/graphql`,
  token: await context.token(node.country, 'admin', undefined),
});

/**
 * Every node pins every other. The out-of-band step of a real ceremony (each admin reads the partner's root
 * thumbprints) is done here by asking the partner itself, which is sound only because this process started it.
 */
async function trustCeremony(context: CliContext, nodes: NodeProcess[]): Promise<Map<string, string[]>> {
  const thumbprints = new Map<string, string[]>();
  for (const node of nodes) {
    const { node: info } = await graphqlRequest({ endpoint: `${node.baseUrl}/graphql` }, NodeIdentityDocument);
    thumbprints.set(node.country, info.rootKeyThumbprints);
  }
  const targets = new Map(await Promise.all(nodes.map(async (n) => [n.country, await adminTarget(context, n)] as const)));
  await Promise.all(
    nodes.flatMap((node) =>
      nodes
        .filter((partner) => partner !== node)
        .map((partner) =>
          addTrustAnchor({
            node: targets.get(node.country) as { endpoint: string; token: string },
            partner: partner.country,
            thumbprints: thumbprints.get(partner.country) ?? [],
            from: partner.baseUrl,
          }),
        ),
    ),
  );
  return thumbprints;
}
