import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { cliText } from '../i18n/cli-language.js';
import { AuditVerificationDocument } from '../operations/generated.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description("read and check a node's audit log");

  withAdminOptions(audit.command('verify').description('recompute the hash chain and name the first broken entry (exit 1 if any)')).action(
    async (options: AdminOptions, command: Command) => {
      const { data, country } = await adminRequest(command, options, AuditVerificationDocument);
      const result = data.auditVerification;
      if (result.intact) {
        process.stdout.write(`${cliText('auditIntact', { country, entries: result.entries })}\n`);
        return;
      }
      process.stdout.write(`${cliText('auditBroken', { country, seq: result.firstBrokenSeq ?? '?', problem: result.problem ?? '' })}\n`);
      process.exitCode = 1;
    },
  );
}
