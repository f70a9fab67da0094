import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { mintDevToken } from '@ots/identity';
import { UsageError } from '../cli-error.js';
import { CliContext } from '../cli-context.js';
import { parsePartners, parseRestrictions, parseThumbprintsFile, type JoinParticipant } from '../federation/join-input.js';
import { joinFederation, terminalQuestions, type Confirmation, type JoinNode } from '../federation/join-procedure.js';
import { cliText } from '../i18n/cli-language.js';
import { printTable, type GlobalOptions } from '../output.js';

interface JoinOptions {
  node: string;
  partners: string;
  thumbprints?: string;
  restrict: string[];
  token?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerFederationCommands(program: Command): void {
  const federation = program.command('federation').description('procedures that involve several nodes at once');

  federation
    .command('join')
    .description(
      'onboard a node: confirm root thumbprints out of band, pin them both ways with each partner, restrict services, ' +
        'then prove each link with a test document issued on one side and verified on the other (exit 0 only when every link is proven)',
    )
    .requiredOption('--node <CC|CC=url>', 'the new node, e.g. HU (its local node) or HU=https://ots.gov.hu')
    .requiredOption('--partners <list>', 'the partners it joins, comma-separated: KZ,TR or KZ=https://...,TR=https://...')
    .option('--thumbprints <file>', 'root thumbprints received out of band, one "CC thumbprint" a line; without it, each is asked for')
    .option(
      '--restrict <CC:codes>',
      "on CC's node, the other side's citizens may use only these services of CC's catalog (repeatable)",
      collect,
      [],
    )
    .option(
      '--token <jwt>',
      "admin token for the new node (default: $OTS_TOKEN_<CC>, then $OTS_TOKEN); each partner's from $OTS_TOKEN_<CC>",
    )
    .action(async (options: JoinOptions, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const [newNode, ...more] = parsePartners(options.node);
      const partners = parsePartners(options.partners);
      if (!newNode || more.length > 0 || partners.some((p) => p.country === newNode.country))
        throw new UsageError('badPartners', { value: options.partners });
      const restrictions = parseRestrictions(options.restrict);
      const everyone = [newNode, ...partners];
      for (const country of restrictions.keys())
        if (!everyone.some((p) => p.country === country)) throw new UsageError('restrictNotInJoin', { country });

      const reach = async (participant: JoinParticipant, explicit?: string): Promise<JoinNode> => {
        const country = participant.url ? participant.country : context.countryOrFail(participant.country);
        const given = explicit ?? process.env[`OTS_TOKEN_${country}`];
        const token =
          given ??
          (await mintDevToken({
            dataDir: context.nodeDataDir(country),
            country,
            subject: `${country}:ADMIN:fedctl`,
            roles: ['admin'],
            ttlSeconds: 300,
          }));
        return { country, baseUrl: participant.url ?? context.localUrl(country), token };
      };
      const node = await reach(newNode, options.token ?? process.env[`OTS_TOKEN_${newNode.country}`] ?? process.env.OTS_TOKEN);
      const partnerNodes = await Promise.all(partners.map((p) => reach(p)));

      const questions = options.thumbprints ? undefined : terminalQuestions();
      const confirmation: Confirmation = options.thumbprints
        ? { file: parseThumbprintsFile(readThumbprints(options.thumbprints), options.thumbprints), path: options.thumbprints }
        : { ask: (question) => (questions as NonNullable<typeof questions>).ask(question) };
      let links;
      try {
        links = await joinFederation({
          node,
          partners: partnerNodes,
          confirmation,
          restrictions,
          say: (line) => process.stdout.write(`${line}\n`),
        });
      } finally {
        questions?.close();
      }

      process.stdout.write(`\n${cliText('joinReportTitle', { country: node.country })}\n`);
      printTable(
        [cliText('joinColumnLink'), cliText('joinColumnPinned'), cliText('joinColumnServices'), cliText('joinColumnProof')],
        links.map((l) => [
          cliText('joinLink', { node: l.node, partner: l.partner }),
          l.pinned.join(', ') || cliText('joinNotPinned'),
          `${l.services ? l.services.join(',') || cliText('noServices') : cliText('allServices')}${l.restrictionFailed ? ' (!)' : ''}`,
          l.proof,
        ]),
      );
      const proven = links.filter((l) => l.proof === 'OK' && !l.restrictionFailed).length;
      if (proven === links.length) {
        process.stdout.write(`${cliText('joinProven', { country: node.country, proven, total: links.length })}\n`);
      } else {
        process.stdout.write(
          `${cliText('joinNotProven', { country: node.country, failed: links.length - proven, total: links.length })}\n`,
        );
        process.exitCode = 1;
      }
    });
}

function readThumbprints(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new UsageError('cannotRead', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
}
