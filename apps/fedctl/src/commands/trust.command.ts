import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { CliContext, UsageError } from '../cli-context.js';
import { graphqlRequest } from '../graphql-client.js';
import { printTable, type GlobalOptions } from '../output.js';

const ANCHOR_FIELDS = 'country status baseUrl servicesAllowed refreshedAt keys { thumbprint source status revocationReason }';

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
  servicesAllowed: string[] | null;
  keys: { thumbprint: string; source: string; status: string; revocationReason: string | null }[];
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

const describeAnchor = (a: TrustAnchorSummary): string =>
  `${a.country} ${a.status}; services: ${a.servicesAllowed ? a.servicesAllowed.join(',') || 'none' : 'all'}; keys: ${a.keys
    .map((k) => `${k.thumbprint} [${k.source}/${k.status}${k.revocationReason ? `: ${k.revocationReason}` : ''}]`)
    .join(', ')}`;

export function registerTrustCommands(program: Command): void {
  const trust = program.command('trust').description("manage a node's trust anchors (the partner countries it recognises)");

  withAdminOptions(
    trust
      .command('add')
      .description('pin a partner: the node fetches its entity configuration and refuses it unless a pinned root thumbprint signed it')
      .requiredOption('--country <CC>', 'the partner country, e.g. TR')
      .requiredOption('--thumbprint <thumbprint>', "the partner's root key thumbprint, compared out of band (repeat for two)", collect)
      .requiredOption('--from <url>', "the partner node's base URL, e.g. http://127.0.0.1:4002"),
  ).action(async (options: AdminOptions & { country: string; thumbprint: string[]; from: string }, command: Command) => {
    const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
    const node = await context.resolveNode(options.node);
    const partner = context.countryOrFail(options.country);
    if (!/^https?:\/\//.test(options.from)) throw new UsageError(`--from must be an http(s) URL, got ${options.from}`);
    const anchor = await addTrustAnchor({
      node,
      token: await context.token(node.country, 'admin', options.token),
      partner,
      thumbprints: options.thumbprint,
      from: options.from,
    });
    process.stdout.write(
      `${node.country} now trusts ${anchor.country} (${anchor.status}); root keys: ${anchor.keys.map((k) => `${k.thumbprint} [${k.source}]`).join(', ')}\n`,
    );
  });

  withAdminOptions(
    trust.command('list').description("list the node's trust anchors").option('--json', 'print JSON instead of a table'),
  ).action(async (options: AdminOptions & { json?: boolean }, command: Command) => {
    const { data } = await adminRequest<{ trustAnchors: TrustAnchorSummary[] }>(command, options, `{ trustAnchors { ${ANCHOR_FIELDS} } }`);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(data.trustAnchors, null, 2)}\n`);
      return;
    }
    printTable(
      ['country', 'status', 'base URL', 'services', 'root keys'],
      data.trustAnchors.map((a) => [
        a.country,
        a.status,
        a.baseUrl,
        a.servicesAllowed ? a.servicesAllowed.join(',') : 'all',
        a.keys.map((k) => `${k.thumbprint.slice(0, 12)}… ${k.source}/${k.status}`).join(', '),
      ]),
    );
  });

  withAdminOptions(trust.command('export').description('print the trust store as an anchors file, for `fedctl verify --anchors`')).action(
    async (options: AdminOptions, command: Command) => {
      const { data } = await adminRequest<{ trustAnchorsExport: unknown }>(command, options, '{ trustAnchorsExport }');
      process.stdout.write(`${JSON.stringify(data.trustAnchorsExport, null, 2)}\n`);
    },
  );

  const statusChanges = [
    ['suspend', 'suspendTrustAnchor', 'stop trusting a country until it is reactivated'],
    ['reactivate', 'reactivateTrustAnchor', 'trust a suspended country again'],
    ['revoke', 'revokeTrustAnchor', 'stop trusting a country for good (only a new `trust add` restores it)'],
    ['refresh', 'refreshTrustAnchor', "re-read the partner's entity configuration now (key continuity)"],
  ] as const;
  for (const [name, mutation, description] of statusChanges) {
    withAdminOptions(trust.command(name).description(description).requiredOption('--country <CC>', 'the partner country')).action(
      async (options: AdminOptions & { country: string }, command: Command) => {
        const { data, country } = await adminRequest<Record<string, TrustAnchorSummary>>(
          command,
          options,
          `mutation Change($country: String!) { ${mutation}(country: $country) { ${ANCHOR_FIELDS} } }`,
          { country: options.country.toUpperCase() },
        );
        process.stdout.write(`${country}: ${describeAnchor(data[mutation] as TrustAnchorSummary)}\n`);
      },
    );
  }

  withAdminOptions(
    trust
      .command('revoke-key')
      .description('revoke one partner key, root or signer')
      .requiredOption('--country <CC>', 'the partner country')
      .requiredOption('--thumbprint <thumbprint>', 'RFC 7638 thumbprint of the key')
      .requiredOption(
        '--reason <reason>',
        'compromised (everything it signed is invalid) or superseded (what it signed before stays valid)',
      ),
  ).action(async (options: AdminOptions & { country: string; thumbprint: string; reason: string }, command: Command) => {
    if (!['compromised', 'superseded'].includes(options.reason))
      throw new UsageError(`--reason must be compromised or superseded, got ${options.reason}`);
    const { data, country } = await adminRequest<{ revokePartnerKey: TrustAnchorSummary }>(
      command,
      options,
      `mutation Revoke($input: RevokePartnerKeyInput!) { revokePartnerKey(input: $input) { ${ANCHOR_FIELDS} } }`,
      { input: { country: options.country.toUpperCase(), thumbprint: options.thumbprint, reason: options.reason } },
    );
    process.stdout.write(`${country}: ${describeAnchor(data.revokePartnerKey)}\n`);
  });

  withAdminOptions(
    trust
      .command('restrict')
      .description("choose which of this node's services the partner's citizens may use")
      .requiredOption('--country <CC>', 'the partner country')
      .option('--services <codes>', 'comma-separated service codes')
      .option('--all', 'allow every service again'),
  ).action(async (options: AdminOptions & { country: string; services?: string; all?: boolean }, command: Command) => {
    if (Boolean(options.services) === Boolean(options.all)) throw new UsageError('give either --services A,B or --all');
    const services = options.all
      ? null
      : (options.services as string)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    const { data, country } = await adminRequest<{ restrictPartnerServices: TrustAnchorSummary }>(
      command,
      options,
      `mutation Restrict($country: String!, $services: [String!]) { restrictPartnerServices(country: $country, services: $services) { ${ANCHOR_FIELDS} } }`,
      { country: options.country.toUpperCase(), services },
    );
    process.stdout.write(`${country}: ${describeAnchor(data.restrictPartnerServices)}\n`);
  });
}
