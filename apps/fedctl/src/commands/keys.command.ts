import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { UsageError } from '../cli-context.js';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description("rotate a node's own keys");

  withAdminOptions(
    keys
      .command('rotate')
      .description(
        '--signer: new signer key and certificate; --root: add a second root key, announced under the current one (then `keys retire-root`)',
      )
      .option('--signer', 'rotate the signer key')
      .option('--root', 'add a new root key for a rollover'),
  ).action(async (options: AdminOptions & { signer?: boolean; root?: boolean }, command: Command) => {
    if (Boolean(options.signer) === Boolean(options.root)) throw new UsageError('give exactly one of --signer or --root');
    const mutation = options.signer ? 'rotateSignerKey' : 'addRootKey';
    const { data, country } = await adminRequest<Record<string, string>>(command, options, `mutation { ${mutation} }`);
    process.stdout.write(
      options.signer
        ? `${country}: new signer key ${data[mutation]}\n`
        : `${country}: new root key ${data[mutation]} announced; retire the old one once partners have refreshed\n`,
    );
  });

  withAdminOptions(
    keys
      .command('retire-root')
      .description('retire a root key; the other root signs from now on')
      .requiredOption('--thumbprint <thumbprint>', 'the root key to retire'),
  ).action(async (options: AdminOptions & { thumbprint: string }, command: Command) => {
    const { data, country } = await adminRequest<{ retireRootKey: string }>(
      command,
      options,
      'mutation Retire($t: String!) { retireRootKey(thumbprint: $t) }',
      {
        t: options.thumbprint,
      },
    );
    process.stdout.write(`${country}: root key ${data.retireRootKey} retired\n`);
  });
}
