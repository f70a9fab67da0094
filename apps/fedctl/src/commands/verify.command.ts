import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliContext } from '../cli-context.js';
import { graphqlRequest } from '../graphql-client.js';
import { VerifyDocumentAtDocument } from '../operations/generated.js';
import type { GlobalOptions } from '../output.js';
import { verifyDocumentChain } from '@ots/documents';
import { JwsVerificationError, parseAnchorsFile } from '@ots/jws';
import { UsageError } from '../cli-error.js';
import { cliText } from '../i18n/cli-language.js';

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8').trim();
  } catch (err) {
    throw new UsageError('cannotRead', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'verify a document offline against an anchors file from `fedctl trust export`, or online at a node (--node), with its trust store and status lists (exit 0 only for OK)',
    )
    .argument('<file>', 'the document (compact JWS), or - for standard input')
    .option('--anchors <file>', 'anchors file written by `fedctl trust export` (offline)')
    .option('--node <CC|url>', 'the node that verifies it (online)')
    .action(async (file: string, options: { anchors?: string; node?: string }, command: Command) => {
      if (Boolean(options.anchors) === Boolean(options.node)) throw new UsageError('giveAnchorsOrNode');
      if (options.node) return verifyOnline(command, options.node, readInput(file));
      let anchors;
      try {
        anchors = await parseAnchorsFile(JSON.parse(readInput(options.anchors as string)));
      } catch (err) {
        throw new UsageError('badAnchorsFile', { path: options.anchors as string, reason: (err as Error).message });
      }
      const document = readInput(file);
      process.stderr.write(`${cliText('offlineStatus')}\n`);
      try {
        const { payload } = await verifyDocumentChain(document, anchors, Math.floor(Date.now() / 1000));
        process.stdout.write(`OK\n${JSON.stringify(payload, null, 2)}\n`);
      } catch (err) {
        if (!(err instanceof JwsVerificationError)) throw err;
        process.stdout.write(`${err.reason}\n`);
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 1;
      }
    });
}

/** The node's verdict, with its trust store and the issuer's status list: the reason code, then what the node read. */
async function verifyOnline(command: Command, node: string, document: string): Promise<void> {
  const { baseUrl } = await new CliContext(command.optsWithGlobals<GlobalOptions>()).resolveNode(node);
  const { verifyDocument: verdict } = await graphqlRequest({ endpoint: `${baseUrl}/graphql` }, VerifyDocumentAtDocument, { jws: document });
  const { reason, ...rest } = verdict;
  process.stdout.write(`${reason}\n${JSON.stringify(rest, null, 2)}\n`);
  if (!verdict.valid) process.exitCode = 1;
}
