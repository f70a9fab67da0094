import type { Command } from 'commander';
import { isRole, mintDevToken, ROLES } from '@ots/identity';
import { CliContext, UsageError } from '../cli-context.js';
import type { GlobalOptions } from '../output.js';

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description("print a bearer token from a local node's development identity provider (DEV_IDP=on, as in `fedctl up`)")
    .requiredOption('--country <CC>', 'the node the token is for')
    .requiredOption('--subject <id>', 'who: a scheme-qualified person id for citizens, e.g. KZ:IIN:900101300123')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .action(async (options: { country: string; subject: string; role: string; ttl: string }, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const country = context.countryOrFail(options.country);
      if (!isRole(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got ${options.role}`);
      const ttl = Number(options.ttl);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 24 * 3600) throw new UsageError(`--ttl must be 1-86400 seconds, got ${options.ttl}`);
      const subject = options.subject.trim();
      if (options.role === 'citizen') checkPersonId(context, subject);
      else if (!/^[A-Za-z0-9:._@-]{1,128}$/.test(subject))
        throw new UsageError('--subject may hold letters, digits and : . _ @ - (at most 128)');
      const token = await mintDevToken({ dataDir: context.nodeDataDir(country), country, subject, roles: [options.role], ttlSeconds: ttl });
      process.stdout.write(`${token}\n`);
    });
}

/** A citizen is named `<CC>:<scheme>:<number>`, with the scheme and number format of that country. */
function checkPersonId(context: CliContext, subject: string): void {
  const [country = '', scheme = '', number = '', ...rest] = subject.split(':');
  const definition = context.federation.country(country);
  if (!definition || rest.length > 0) throw new UsageError(`--subject must look like KZ:IIN:900101300123, got ${subject}`);
  if (scheme !== definition.personId.scheme)
    throw new UsageError(`${country} identifies people by ${definition.personId.scheme}, not ${scheme}`);
  if (!new RegExp(definition.personId.pattern).test(number)) throw new UsageError(`${number} is not a valid ${country} ${scheme}`);
}
