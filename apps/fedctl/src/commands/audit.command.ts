import type { Command } from 'commander';
import { adminTarget, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { graphqlRequest } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import { AuditVerificationDocument } from '../operations/generated.js';

/** As long as fetch waits for an answer's headers at all (undici's 300 s). */
const AUDIT_VERIFY_TIMEOUT_MS = 300_000;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description("read and check a node's audit log");

  withAdminOptions(audit.command('verify').description('recompute the hash chain and name the first broken entry (exit 1 if any)')).action(
    async (options: AdminOptions, command: Command) => {
      const target = await adminTarget(command, options);
      // The node rehashes the whole log: a million entries take seconds, on a busy machine more than the usual 30 s.
      const data = await graphqlRequest({ ...target, timeoutMs: AUDIT_VERIFY_TIMEOUT_MS }, AuditVerificationDocument);
      const { country } = target;
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
