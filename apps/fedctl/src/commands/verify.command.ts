import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
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
      'verify a document offline, with no node and no network, against an anchors file from `fedctl trust export` (exit 0 only for OK)',
    )
    .argument('<file>', 'the document (compact JWS), or - for standard input')
    .requiredOption('--anchors <file>', 'anchors file written by `fedctl trust export`')
    .action(async (file: string, options: { anchors: string }) => {
      let anchors;
      try {
        anchors = await parseAnchorsFile(JSON.parse(readInput(options.anchors)));
      } catch (err) {
        throw new UsageError('badAnchorsFile', { path: options.anchors, reason: (err as Error).message });
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
