import { Option, type Command } from 'commander';
import { mintDevToken, ROLES, type Role } from '@ots/identity';
import { UsageError } from '../cli-error.js';
import { CliContext } from '../cli-context.js';
import type { GlobalOptions } from '../output.js';

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description("print a bearer token from a local node's development identity provider (DEV_IDP=on, as in `fedctl up`)")
    .requiredOption('--country <CC>', 'the node the token is for')
    .requiredOption('--subject <id>', 'who: a scheme-qualified person id for citizens, e.g. KZ:IIN:900101300123')
    .addOption(new Option('--role <role>', 'what the token allows').choices(ROLES).makeOptionMandatory())
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .action(async (options: { country: string; subject: string; role: Role; ttl: string }, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const country = context.countryOrFail(options.country);
      const ttl = Number(options.ttl);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 24 * 3600) throw new UsageError('badTtl', { value: options.ttl });
      const subject = options.subject.trim();
      if (options.role === 'citizen') checkPersonId(context, subject);
      else if (!/^[A-Za-z0-9:._@-]{1,128}$/.test(subject)) throw new UsageError('badSubjectChars');
      const token = await mintDevToken({ dataDir: context.nodeDataDir(country), country, subject, roles: [options.role], ttlSeconds: ttl });
      process.stdout.write(`${token}\n`);
    });
}

/** A citizen is named `<CC>:<scheme>:<number>`, with the scheme and number format of that country. */
function checkPersonId(context: CliContext, subject: string): void {
  const [country = '', scheme = '', number = '', ...rest] = subject.split(':');
  const definition = context.federation.country(country);
  if (!definition || rest.length > 0) throw new UsageError('badSubjectShape', { value: subject });
  if (scheme !== definition.personId.scheme) throw new UsageError('wrongScheme', { country, expected: definition.personId.scheme, scheme });
  if (!new RegExp(definition.personId.pattern).test(number)) throw new UsageError('badPersonNumber', { number, country, scheme });
}
