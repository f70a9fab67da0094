import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { JWK } from 'jose';
import {
  ENTITY_CONFIGURATION_TYP,
  MAX_JWS_BYTES,
  parseCompactJws,
  SIGNER_CERTIFICATE_TYP,
  type EntityConfigurationPayload,
  type SignerCertificatePayload,
  toPublicJwk,
  writeSecretFile,
} from '@ots/jws';
import { KEY_REQUEST_KINDS, signKeyRequest } from '@ots/keys';
import { adminRequest, adminTarget, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { CliError, UsageError } from '../cli-error.js';
import { graphqlRequest } from '../graphql-client.js';
import { cliText } from '../i18n/cli-language.js';
import {
  AddRootKeyDocument,
  ExportRootKeyDocument,
  ImportKeyResponseDocument,
  KeyRequestDocument,
  NodeIdentityDocument,
  RetireRootKeyDocument,
  RotateSignerKeyDocument,
  type KeyRequestKind,
} from '../operations/generated.js';
import { schemaName } from '../operations/wire-values.js';

/** The signer key a node announces now: the last certificate in its entity configuration (what partners read too). */
async function currentSignerKey(baseUrl: string): Promise<string> {
  const url = `${baseUrl}/.well-known/openid-federation`;
  let statement: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new CliError('badResponse', { endpoint: url, status: response.status });
    statement = (await response.text()).slice(0, MAX_JWS_BYTES + 1).trim();
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError('nodeUnreachable', { endpoint: url, cause: (err as Error).message });
  }
  const { payload } = parseCompactJws<EntityConfigurationPayload>(statement, ENTITY_CONFIGURATION_TYP);
  const certificate = payload.metadata.ots_node.signer_certificates.at(-1);
  return certificate ? parseCompactJws<SignerCertificatePayload>(certificate, SIGNER_CERTIFICATE_TYP).payload.sub : '-';
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description("rotate a node's own keys; sign key requests with an offline root");

  keys
    .command('sign-request')
    .description('on the offline machine: sign a key request file with the root private key (no network, no node)')
    .requiredOption('--root-key <file>', 'the root private key as a JWK file')
    .requiredOption('--in <file>', 'the request file a node wrote')
    .requiredOption('--out <file>', 'where to write the signed response')
    .option('--json', 'print the response summary as JSON')
    .action(async (options: { rootKey: string; in: string; out: string; json?: boolean }) => {
      const root = readJson(options.rootKey) as JWK;
      if (typeof root.d !== 'string') throw new UsageError('notAPrivateKey', { path: options.rootKey });
      const response = await signKeyRequest(readJson(options.in), { publicJwk: toPublicJwk(root), key: root });
      // The response holds nothing secret, but it decides what the node will trust: written like a key.
      writeSecretFile(options.out, `${JSON.stringify(response, null, 2)}\n`);
      const summary = { country: response.country, kind: response.kind, id: response.requestId, root: root.kid ?? '', path: options.out };
      process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${cliText('requestSigned', summary)}\n`);
    });

  withAdminOptions(
    keys
      .command('rotate')
      .description(
        '--signer: new signer key and certificate; --root: add a second root key, announced under the current one (then `keys retire-root`); prints the old key and the new',
      )
      .option('--signer', 'rotate the signer key')
      .option('--root', 'add a new root key for a rollover'),
  ).action(async (options: AdminOptions & { signer?: boolean; root?: boolean }, command: Command) => {
    if (Boolean(options.signer) === Boolean(options.root)) throw new UsageError('signerOrRoot');
    const target = await adminTarget(command, options);
    if (options.signer) {
      const old = await currentSignerKey(target.baseUrl);
      const { rotateSignerKey } = await graphqlRequest(target, RotateSignerKeyDocument);
      process.stdout.write(`${cliText('signerRotated', { country: target.country, old, new: rotateSignerKey })}\n`);
      return;
    }
    const { node } = await graphqlRequest(target, NodeIdentityDocument);
    const { addRootKey } = await graphqlRequest(target, AddRootKeyDocument);
    process.stdout.write(
      `${cliText('rootAdded', { country: target.country, old: node.rootKeyThumbprints.join(', '), new: addRootKey })}\n`,
    );
  });

  withAdminOptions(
    keys
      .command('export-root')
      .description(
        'move the root private key off the node into a file (file backend): the node keeps its public half and serves the 45-day entity configuration the root signed as it left',
      )
      .requiredOption('--out <file>', 'where to write the root private key (a JWK; take it to the offline machine)')
      .option('--json', 'print the summary as JSON'),
  ).action(async (options: AdminOptions & { out: string; json?: boolean }, command: Command) => {
    const { data, country } = await adminRequest(command, options, ExportRootKeyDocument);
    const root = JSON.parse(data.exportRootKey) as JWK;
    writeSecretFile(options.out, `${JSON.stringify(root, null, 2)}\n`);
    const summary = { country, root: root.kid ?? '', path: options.out };
    process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${cliText('rootExported', summary)}\n`);
  });

  withAdminOptions(
    keys
      .command('request')
      .description('ask the node for a key request: it makes the new key pair in its backend, keeps it pending and writes the request')
      .requiredOption('--kind <kind>', `what the offline root is to certify: ${KEY_REQUEST_KINDS.join(' | ')}`)
      .requiredOption('--out <file>', 'where to write the request (take it to the offline machine: `fedctl keys sign-request`)')
      .option('--json', 'print the summary as JSON'),
  ).action(async (options: AdminOptions & { kind: string; out: string; json?: boolean }, command: Command) => {
    if (!(KEY_REQUEST_KINDS as readonly string[]).includes(options.kind))
      throw new UsageError('badRequestKind', { kind: options.kind, kinds: KEY_REQUEST_KINDS.join(', ') });
    const { data, country } = await adminRequest(command, options, KeyRequestDocument, { kind: schemaName<KeyRequestKind>(options.kind) });
    const request = JSON.parse(data.keyRequest) as { requestId: string; rootKid: string };
    writeSecretFile(options.out, `${JSON.stringify(request, null, 2)}\n`);
    const summary = { country, kind: options.kind, id: request.requestId, root: request.rootKid, path: options.out };
    process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${cliText('requestWritten', summary)}\n`);
  });

  withAdminOptions(
    keys
      .command('import')
      .description('install a response signed by the offline root; the node checks it against its pending request and root key')
      .requiredOption('--in <file>', 'the signed response (`fedctl keys sign-request --out`)')
      .option('--json', 'print the summary as JSON'),
  ).action(async (options: AdminOptions & { in: string; json?: boolean }, command: Command) => {
    const response = readJson(options.in) as { requestId?: unknown; kind?: unknown };
    const { data, country } = await adminRequest(command, options, ImportKeyResponseDocument, { response: JSON.stringify(response) });
    const summary = { country, kind: String(response.kind), id: String(response.requestId), kid: data.importKeyResponse };
    const text = cliText(
      summary.kind === 'entity-configuration' || summary.kind === 'revocation' ? 'statementImported' : 'responseImported',
      summary,
    );
    process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${text}\n`);
  });

  withAdminOptions(
    keys
      .command('retire-root')
      .description('retire a root key; the other root signs from now on')
      .requiredOption('--thumbprint <thumbprint>', 'the root key to retire'),
  ).action(async (options: AdminOptions & { thumbprint: string }, command: Command) => {
    const { data, country } = await adminRequest(command, options, RetireRootKeyDocument, { thumbprint: options.thumbprint });
    process.stdout.write(`${cliText('rootRetired', { country, thumbprint: data.retireRootKey })}\n`);
  });
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError('cannotRead', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError('cannotRead', { path, reason: (err as Error).message });
  }
}
