import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { cliText } from '../i18n/cli-language.js';
import type { CliMessageKey } from '../i18n/cli-messages.js';
import type { DiagnosticsQuery } from '../operations/generated.js';
import { DiagnosticsDocument } from '../operations/generated.js';

/** A check as fedctl prints it: its status in the node's own words (ok, warn, fail), not the schema's OK, WARN, FAIL. */
type Check = Omit<DiagnosticsQuery['diagnostics'][number], 'status'> & { status: string };
const asPrinted = (check: DiagnosticsQuery['diagnostics'][number]): Check => ({ ...check, status: check.status.toLowerCase() });

/**
 * What each check id says and, when it warns or fails, the fix; by the first rule whose id matches (a prefix
 * ends in `.`). A check the node has and this table does not (a newer node) is printed by its id and detail.
 */
const TEXTS: { id: string; text: CliMessageKey; fix?: CliMessageKey }[] = [
  { id: 'config', text: 'doctorConfig' },
  { id: 'config.dev-idp', text: 'doctorConfigDevIdp', fix: 'doctorFixDevIdp' },
  { id: 'config.https', text: 'doctorConfigHttps', fix: 'doctorFixHttps' },
  { id: 'database', text: 'doctorDatabase', fix: 'doctorFixDatabase' },
  { id: 'database.migrations', text: 'doctorMigrations', fix: 'doctorFixMigrations' },
  { id: 'keys.file', text: 'doctorKeyFile', fix: 'doctorFixKeyFile' },
  { id: 'keys.custody', text: 'doctorKeyCustody', fix: 'doctorFixKeyCustody' },
  { id: 'certificate.', text: 'doctorCertificate', fix: 'doctorFixCertificate' },
  { id: 'partner.reachable', text: 'doctorPartnerReachable', fix: 'doctorFixPartnerReachable' },
  { id: 'partner.entity-configuration', text: 'doctorPartnerStatement', fix: 'doctorFixPartnerStatement' },
  { id: 'partner.clock', text: 'doctorPartnerClock', fix: 'doctorFixPartnerClock' },
  { id: 'partner.status-list', text: 'doctorPartnerStatusList', fix: 'doctorFixPartnerStatusList' },
  { id: 'partner.certificate', text: 'doctorPartnerCertificate', fix: 'doctorFixPartnerCertificate' },
  { id: 'registers.reachable', text: 'doctorRegistersReachable', fix: 'doctorFixRegistersReachable' },
  { id: 'outbox.backlog', text: 'doctorOutboxBacklog', fix: 'doctorFixOutboxBacklog' },
  { id: 'outbox.dead', text: 'doctorOutboxDead', fix: 'doctorFixOutboxDead' },
  { id: 'case-events.dead', text: 'doctorCaseEventsDead', fix: 'doctorFixCaseEventsDead' },
  { id: 'transparency.alarms', text: 'doctorTransparencyAlarms', fix: 'doctorFixTransparencyAlarms' },
];

/** One line of `fedctl doctor`: verdict, what was checked, and for a warning or failure the fix. */
export function doctorLine(check: Check): string {
  const rule = TEXTS.find((t) => (t.id.endsWith('.') ? check.check.startsWith(t.id) : t.id === check.check));
  const params = {
    subject: check.subject ?? '',
    value: check.value ?? '',
    detail: check.detail ?? '',
    role: check.check.split('.')[1] ?? '',
  };
  const said = rule ? cliText(rule.text, params) : [check.check, check.subject].filter(Boolean).join(' ');
  const detail = check.status !== 'ok' && check.detail && !said.includes(check.detail) ? ` (${check.detail})` : '';
  const fix = check.status !== 'ok' && rule?.fix ? `  -> ${cliText(rule.fix, params)}` : '';
  return `${check.status.padEnd(4)}  ${said}${detail}${fix}`;
}

export function registerDoctorCommand(program: Command): void {
  withAdminOptions(
    program
      .command('doctor')
      .description('check a node and its partners: one line per check (ok, warn, fail) with the fix; exit 1 on any fail')
      .option('--json', 'print the checks as JSON, for scripts'),
  ).action(async (options: AdminOptions & { json?: boolean }, command: Command) => {
    const { data, country } = await adminRequest(command, options, DiagnosticsDocument);
    const checks = data.diagnostics.map(asPrinted);
    const count = (status: string) => checks.filter((c) => c.status === status).length;
    if (options.json) process.stdout.write(`${JSON.stringify({ country, checks }, null, 2)}\n`);
    else {
      for (const check of checks) process.stdout.write(`${doctorLine(check)}\n`);
      process.stdout.write(`${cliText('doctorSummary', { country, ok: count('ok'), warn: count('warn'), fail: count('fail') })}\n`);
    }
    if (count('fail') > 0) process.exitCode = 1;
  });
}
