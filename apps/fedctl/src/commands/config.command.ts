import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { cliText } from '../i18n/cli-language.js';
import { COUNTRY_ROLES } from '@ots/config';
import { ReloadConfigurationDocument } from '../operations/generated.js';
import { wireValue } from '../operations/wire-values.js';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description("a running node's federation-config");

  withAdminOptions(
    config
      .command('reload')
      .description(
        'make the node re-read federation-config without a restart (as SIGHUP does); a file that does not validate is refused whole',
      ),
  ).action(async (options: AdminOptions, command: Command) => {
    const { data, country } = await adminRequest(command, options, ReloadConfigurationDocument);
    const countries = data.reloadConfiguration.countries;
    process.stdout.write(
      `${cliText('configReloaded', { country, count: countries.length, countries: countries.map((c) => `${c.code} (${wireValue(COUNTRY_ROLES, c.role)})`).join(', ') })}\n`,
    );
  });
}
