import type { Command } from 'commander';
import { CliContext, UsageError } from '../cli-context.js';
import { graphqlRequest } from '../graphql-client.js';
import { printTable, type GlobalOptions } from '../output.js';

const ANCHOR_FIELDS = 'country status baseUrl validFrom refreshedAt keys { thumbprint source status }';

export interface TrustAddRequest {
  node: { country: string; baseUrl: string };
  token: string;
  partner: string;
  thumbprints: string[];
  from: string;
}

export interface TrustAnchorSummary {
  country: string;
  status: string;
  baseUrl: string;
  keys: { thumbprint: string; source: string; status: string }[];
}

/** The trust ceremony on one node: the node fetches the partner's entity configuration and checks the pinned thumbprints. */
export async function addTrustAnchor(request: TrustAddRequest): Promise<TrustAnchorSummary> {
  const { addTrustAnchor: anchor } = await graphqlRequest<{ addTrustAnchor: TrustAnchorSummary }>({
    endpoint: `${request.node.baseUrl}/graphql`,
    token: request.token,
    query: `mutation Add($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { ${ANCHOR_FIELDS} } }`,
    variables: { input: { country: request.partner, thumbprints: request.thumbprints, baseUrl: request.from } },
  });
  return anchor;
}

export async function listTrustAnchors(node: { baseUrl: string }, token: string): Promise<TrustAnchorSummary[]> {
  const { trustAnchors } = await graphqlRequest<{ trustAnchors: TrustAnchorSummary[] }>({
    endpoint: `${node.baseUrl}/graphql`,
    token,
    query: `{ trustAnchors { ${ANCHOR_FIELDS} } }`,
  });
  return trustAnchors;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerTrustCommands(program: Command): void {
  const trust = program.command('trust').description("manage this node's trust anchors (partner countries it recognises)");

  trust
    .command('add')
    .description("pin a partner: fetch its entity configuration and refuse it unless a pinned root thumbprint signed it")
    .requiredOption('--country <CC>', 'the partner country, e.g. TR')
    .requiredOption('--thumbprint <thumbprint>', "the partner's root key thumbprint, compared out of band (repeat for two)", collect)
    .requiredOption('--from <url>', "the partner node's base URL, e.g. http://127.0.0.1:4002")
    .option('--node <CC|url>', 'the node to configure (default: $NODE_COUNTRY)')
    .option('--token <jwt>', 'admin bearer token (default: $OTS_TOKEN, else the local development identity provider)')
    .action(async (options: { country: string; thumbprint: string[]; from: string; node?: string; token?: string }, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const node = await context.resolveNode(options.node);
      const partner = context.countryOrFail(options.country);
      if (!/^https?:\/\//.test(options.from)) throw new UsageError(`--from must be an http(s) URL, got ${options.from}`);
      const anchor = await addTrustAnchor({ node, token: await context.token(node.country, 'admin', options.token), partner, thumbprints: options.thumbprint, from: options.from });
      process.stdout.write(`${node.country} now trusts ${anchor.country} (${anchor.status}); root keys: ${anchor.keys.map((k) => `${k.thumbprint} [${k.source}]`).join(', ')}\n`);
    });

  trust
    .command('list')
    .description("list the node's trust anchors")
    .option('--node <CC|url>', 'the node to ask (default: $NODE_COUNTRY)')
    .option('--token <jwt>', 'admin bearer token (default: $OTS_TOKEN, else the local development identity provider)')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { node?: string; token?: string; json?: boolean }, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const node = await context.resolveNode(options.node);
      const anchors = await listTrustAnchors(node, await context.token(node.country, 'admin', options.token));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(anchors, null, 2)}\n`);
        return;
      }
      printTable(
        ['country', 'status', 'base URL', 'root keys'],
        anchors.map((a) => [a.country, a.status, a.baseUrl, a.keys.map((k) => `${k.thumbprint.slice(0, 12)}… ${k.source}/${k.status}`).join(', ')]),
      );
    });
}
