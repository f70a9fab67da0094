import type { Command } from 'commander';
import { isCountryCode } from '@ots/config';
import { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-error.js';
import { runConformance } from '../conformance/conformance-checks.js';
import { ConformanceRun, type CheckResult } from '../conformance/conformance-run.js';
import { graphqlRequest } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import { TrustAnchorsDocument } from '../operations/generated.js';
import type { GlobalOptions } from '../output.js';

interface ConformanceFlags {
  target: string;
  token?: string;
  as?: string;
  listen: string;
  publicUrl?: string;
  pinWait: string;
}

/** `MUST   FAIL  delivery.replay  answers the same message again with the first receipt: answered ...` */
function line(result: CheckResult): string {
  const detail = result.detail ? `: ${result.detail}` : '';
  return `${result.level.padEnd(6)} ${result.verdict.padEnd(4)}  ${result.id}  ${cliText(result.text.key, result.text.params)}${detail}\n`;
}

function parseListen(value: string): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError('confBadListen', { value });
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
}

export function registerConformanceCommand(program: Command): void {
  program
    .command('conformance')
    .description(
      'check a node (this implementation or another) against docs/protocol: acts as a partner with keys it makes, one line per check, exit 1 on any MUST failure',
    )
    .requiredOption('--target <url>', 'base URL of the node under test')
    .option('--token <jwt>', 'admin token at the target, to pin the kit there (default: $OTS_TOKEN; without one, pin it by hand)')
    .option('--as <CC>', 'the country the kit acts as (default: the first federation country the target neither is nor trusts)')
    .option('--listen <host:port>', 'where the kit serves its entity configuration and status list', '127.0.0.1:0')
    .option('--public-url <url>', 'the URL the target reaches the kit at (default: http://<listen address>)')
    .option('--pin-wait <seconds>', 'how long to wait for a pin by hand', '600')
    .action(async (flags: ConformanceFlags, command: Command) => {
      const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
      const { host, port } = parseListen(flags.listen);
      const target = flags.target.replace(/\/+$/, '');
      const token = flags.token ?? process.env.OTS_TOKEN;
      const run = new ConformanceRun((result) => process.stdout.write(line(result)));
      await runConformance(run, {
        target,
        token,
        listenHost: host,
        listenPort: port,
        publicUrl: flags.publicUrl,
        pinWaitSeconds: Number(flags.pinWait) > 0 ? Number(flags.pinWait) : 600,
        chooseCountry: async (targetCountry) => {
          if (flags.as) {
            const chosen = flags.as.trim().toUpperCase();
            if (!isCountryCode(chosen))
              throw new UsageError('unknownCountry', {
                country: flags.as,
                countries: context.federation.countries.map((c) => c.code).join(', '),
              });
            return chosen;
          }
          const trusted = token
            ? (await graphqlRequest({ endpoint: `${target}/graphql`, token }, TrustAnchorsDocument)).trustAnchors
                .filter((a) => a.status === 'ACTIVE')
                .map((a) => a.country)
            : [];
          const free = context.federation.countries.map((c) => c.code).find((c) => c !== targetCountry && !trusted.includes(c));
          if (!free) throw new UsageError('confNoCountry');
          return free;
        },
        onPinByHand: (facts) =>
          process.stderr.write(
            `${cliText('confPinByHand', { target, country: facts.country, thumbprint: facts.thumbprint, url: facts.url, spare: facts.spareSigner, seconds: flags.pinWait })}\n`,
          ),
      });
      process.stdout.write(`${cliText('confSummary', { passed: run.passed, failed: run.failed })}\n`);
      if (run.mustFailed) process.exitCode = 1;
    });
}
