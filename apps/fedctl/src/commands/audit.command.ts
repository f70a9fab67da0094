import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description("read and check a node's audit log");

  withAdminOptions(audit.command('verify').description('recompute the hash chain and name the first broken entry (exit 1 if any)')).action(
    async (options: AdminOptions, command: Command) => {
      const { data, country } = await adminRequest<{
        auditVerification: { entries: number; intact: boolean; firstBrokenSeq: number | null; problem: string | null };
      }>(command, options, '{ auditVerification { entries intact firstBrokenSeq problem } }');
      const result = data.auditVerification;
      if (result.intact) {
        process.stdout.write(`${country}: audit log intact (${result.entries} entries)\n`);
        return;
      }
      process.stdout.write(`${country}: audit log broken at entry ${result.firstBrokenSeq}: ${result.problem}\n`);
      process.exitCode = 1;
    },
  );
}
