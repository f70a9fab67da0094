import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { OtsError } from '@ots/errors';
import { ConfigError, FEDERATION_LANGUAGES } from '@ots/config';
import { CliError } from './cli-error.js';
import { registerAuditCommands } from './commands/audit.command.js';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerConformanceCommand } from './commands/conformance.command.js';
import { registerConfigCommands } from './commands/config.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerFederationCommands } from './commands/federation.command.js';
import { registerDoctorCommand } from './commands/doctor.command.js';
import { registerEventsCommands } from './commands/events.command.js';
import { registerKeysCommands } from './commands/keys.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerTrustCommands } from './commands/trust.command.js';
import { registerUpCommand } from './commands/up.command.js';
import { registerVerifyCommand } from './commands/verify.command.js';
import { NodeRequestError } from './graphql-client.js';
import { cliLanguage, useCliLanguage } from './i18n/cli-language.js';
import type { GlobalOptions } from './output.js';

/**
 * fedctl: the admins' and testers' tool. Results go to stdout, diagnostics
 * to stderr; exit 0 on success, 1 on failure, 2 on a usage mistake.
 */
const program = new Command('fedctl')
  .description(
    'Command-line tool of the OTS federation node: local federations, trust anchors, keys, tokens, offline verification, audit, backup and restore, demo, doctor',
  )
  .option('--data-dir <dir>', "folder holding each node's data (default: $DATA_DIR or ./data)")
  .option(
    '--port-offset <n>',
    'added to every port of federation-config, to run several federations side by side (default: $PORT_OFFSET or 0)',
  )
  .addOption(
    new Option(
      '--lang <lang>',
      'the language fedctl and the nodes answer in (default: from $LC_ALL, $LC_MESSAGES or $LANG, else en)',
    ).choices(FEDERATION_LANGUAGES),
  )
  .showHelpAfterError()
  .exitOverride()
  .hook('preAction', (_program, action) => useCliLanguage(cliLanguage(action.optsWithGlobals<GlobalOptions>().lang, process.env)));

registerUpCommand(program);
registerTrustCommands(program);
registerFederationCommands(program);
registerConfigCommands(program);
registerTokenCommand(program);
registerKeysCommands(program);
registerVerifyCommand(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerEventsCommands(program);
registerDemoCommand(program);
registerConformanceCommand(program);
registerDoctorCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = report(err);
}

function report(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof CliError) {
    process.stderr.write(`fedctl: ${err.extensions.reason ? `${err.extensions.reason}: ` : ''}${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof NodeRequestError) {
    process.stderr.write(`fedctl: ${err.describe()}\n`);
    return 1;
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`fedctl: ${err.message}\n`);
    return 1;
  }
  // A typed refusal from a library (an offline-root check, KEY_IMPORT_TAMPERED ...) names its code for scripts.
  if (err instanceof OtsError) {
    process.stderr.write(`fedctl: ${err.code}: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`fedctl: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}
