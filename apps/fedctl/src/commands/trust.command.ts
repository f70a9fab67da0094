import { Option, type Command } from 'commander';
import { adminRequest, adminTarget, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { UsageError } from '../cli-error.js';
import { CliContext } from '../cli-context.js';
import { graphqlRequest, type NodeTarget } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import {
  AddTrustAnchorDocument,
  PartnerKeysDocument,
  ReactivateTrustAnchorDocument,
  RefreshTrustAnchorDocument,
  RestrictPartnerServicesDocument,
  RevokePartnerKeyDocument,
  RevokeTrustAnchorDocument,
  SuspendTrustAnchorDocument,
  TrustAnchorsDocument,
  TrustAnchorsExportDocument,
  type KeyRevocationReason,
} from '../operations/generated.js';
import { KEY_REVOCATION_REASONS, type KeyRevocationReason as WireRevocationReason } from '@ots/jws';
import { anchorWire, partnerKeyWire, schemaName, type WireAnchor } from '../operations/wire-values.js';
import { printTable, type GlobalOptions } from '../output.js';

export interface TrustAddRequest {
  node: NodeTarget;
  partner: string;
  thumbprints: string[];
  from: string;
}

/** The trust ceremony on one node: the node fetches the partner's entity configuration and checks the pinned thumbprints. */
export async function addTrustAnchor(request: TrustAddRequest): Promise<WireAnchor> {
  const { addTrustAnchor: anchor } = await graphqlRequest(request.node, AddTrustAnchorDocument, {
    input: { country: request.partner, thumbprints: request.thumbprints, baseUrl: request.from },
  });
  return anchorWire(anchor);
}

export async function listTrustAnchors(node: NodeTarget): Promise<WireAnchor[]> {
  return (await graphqlRequest(node, TrustAnchorsDocument)).trustAnchors.map(anchorWire);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A partner key as the anchor lists it: signer keys appear there only once revoked; the rest are roots. */
const keyLabel = (k: WireAnchor['keys'][number], thumbprint = k.thumbprint): string =>
  `${thumbprint} [${k.source === 'signer' ? 'signer' : `root, ${k.source}`}/${k.status}${k.revocationReason ? `: ${k.revocationReason}` : ''}]`;

const servicesOf = (a: WireAnchor): string =>
  a.servicesAllowed ? a.servicesAllowed.join(',') || cliText('noServices') : cliText('allServices');

const describeAnchor = (node: string, a: WireAnchor): string =>
  cliText('anchorSummary', {
    node,
    partner: a.country,
    status: a.status,
    services: servicesOf(a),
    keys: a.keys.map((k) => keyLabel(k)).join(', '),
  });

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
    const partner = context.countryOrFail(options.country);
    if (!/^https?:\/\//.test(options.from)) throw new UsageError('fromNotUrl', { value: options.from });
    const node = await adminTarget(command, options);
    const anchor = await addTrustAnchor({ node, partner, thumbprints: options.thumbprint, from: options.from });
    const keys = anchor.keys.map((k) => `${k.thumbprint} [${k.source}]`).join(', ');
    process.stdout.write(`${cliText('nowTrusts', { node: node.country, partner: anchor.country, status: anchor.status, keys })}\n`);
  });

  withAdminOptions(
    trust.command('list').description("list the node's trust anchors").option('--json', 'print JSON instead of a table'),
  ).action(async (options: AdminOptions & { json?: boolean }, command: Command) => {
    const { data } = await adminRequest(command, options, TrustAnchorsDocument);
    const anchors = data.trustAnchors.map(anchorWire);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(anchors, null, 2)}\n`);
      return;
    }
    printTable(
      ['country', 'status', 'base URL', 'services', 'keys'],
      anchors.map((a) => [
        a.country,
        a.status,
        a.baseUrl,
        servicesOf(a),
        a.keys.map((k) => keyLabel(k, `${k.thumbprint.slice(0, 12)}…`)).join(', '),
      ]),
    );
  });

  withAdminOptions(
    trust
      .command('keys')
      .description("list what the node knows of a partner's keys (roots, signer and encryption keys, revocations), full thumbprints")
      .requiredOption('--country <CC>', 'the partner country')
      .option('--json', 'print JSON instead of a table'),
  ).action(async (options: AdminOptions & { country: string; json?: boolean }, command: Command) => {
    const country = new CliContext(command.optsWithGlobals<GlobalOptions>()).countryOrFail(options.country);
    const { data } = await adminRequest(command, options, PartnerKeysDocument, { country });
    const keys = data.partnerKeys.map(partnerKeyWire);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    printTable(
      ['kind', 'thumbprint', 'source', 'status', 'valid until', 'revoked'],
      keys.map((k) => [
        k.kind,
        k.thumbprint,
        k.source,
        k.status,
        k.validTo?.slice(0, 10) ?? '',
        k.revokedAt ? `${k.revokedAt.slice(0, 19)}Z ${k.revocationReason ?? ''}`.trim() : '',
      ]),
    );
  });

  withAdminOptions(trust.command('export').description('print the trust store as an anchors file, for `fedctl verify --anchors`')).action(
    async (options: AdminOptions, command: Command) => {
      const { data } = await adminRequest(command, options, TrustAnchorsExportDocument);
      process.stdout.write(`${JSON.stringify(data.trustAnchorsExport, null, 2)}\n`);
    },
  );

  type StatusChange = (target: NodeTarget, country: string) => Promise<WireAnchor>;
  const statusChanges: [string, string, StatusChange][] = [
    [
      'suspend',
      'stop trusting a country until it is reactivated',
      async (target, country) => anchorWire((await graphqlRequest(target, SuspendTrustAnchorDocument, { country })).suspendTrustAnchor),
    ],
    [
      'reactivate',
      'trust a suspended country again',
      async (target, country) =>
        anchorWire((await graphqlRequest(target, ReactivateTrustAnchorDocument, { country })).reactivateTrustAnchor),
    ],
    [
      'revoke',
      'stop trusting a country for good (only a new `trust add` restores it)',
      async (target, country) => anchorWire((await graphqlRequest(target, RevokeTrustAnchorDocument, { country })).revokeTrustAnchor),
    ],
    [
      'refresh',
      "re-read the partner's entity configuration now (key continuity)",
      async (target, country) => anchorWire((await graphqlRequest(target, RefreshTrustAnchorDocument, { country })).refreshTrustAnchor),
    ],
  ];
  for (const [name, description, change] of statusChanges) {
    withAdminOptions(trust.command(name).description(description).requiredOption('--country <CC>', 'the partner country')).action(
      async (options: AdminOptions & { country: string }, command: Command) => {
        const partner = new CliContext(command.optsWithGlobals<GlobalOptions>()).countryOrFail(options.country);
        const target = await adminTarget(command, options);
        process.stdout.write(`${describeAnchor(target.country, await change(target, partner))}\n`);
      },
    );
  }

  withAdminOptions(
    trust
      .command('revoke-key')
      .description('revoke one partner key, root or signer (`trust keys` lists them)')
      .requiredOption('--country <CC>', 'the partner country')
      .requiredOption('--thumbprint <thumbprint>', 'RFC 7638 thumbprint of the key')
      .addOption(
        new Option('--reason <reason>', 'compromised (everything it signed is invalid) or superseded (what it signed before stays valid)')
          .choices([...KEY_REVOCATION_REASONS])
          .makeOptionMandatory(),
      ),
  ).action(async (options: AdminOptions & { country: string; thumbprint: string; reason: WireRevocationReason }, command: Command) => {
    const partner = new CliContext(command.optsWithGlobals<GlobalOptions>()).countryOrFail(options.country);
    const { data, country } = await adminRequest(command, options, RevokePartnerKeyDocument, {
      input: { country: partner, thumbprint: options.thumbprint, reason: schemaName<KeyRevocationReason>(options.reason) },
    });
    process.stdout.write(`${describeAnchor(country, anchorWire(data.revokePartnerKey))}\n`);
  });

  withAdminOptions(
    trust
      .command('restrict')
      .description("choose which of this node's services the partner's citizens may use (codes of this node's catalog)")
      .requiredOption('--country <CC>', 'the partner country')
      .option('--services <codes>', 'comma-separated service codes')
      .option('--all', 'allow every service again'),
  ).action(async (options: AdminOptions & { country: string; services?: string; all?: boolean }, command: Command) => {
    if (Boolean(options.services) === Boolean(options.all)) throw new UsageError('servicesOrAll');
    const partner = new CliContext(command.optsWithGlobals<GlobalOptions>()).countryOrFail(options.country);
    const services = options.all
      ? null
      : (options.services ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    const { data, country } = await adminRequest(command, options, RestrictPartnerServicesDocument, { country: partner, services });
    process.stdout.write(`${describeAnchor(country, anchorWire(data.restrictPartnerServices))}\n`);
  });
}
