import { spawn } from 'node:child_process';
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { graphql } from './graphql.js';
import { fedctl, startNode, waitFor, type RunningNode } from './processes.js';

/**
 * Reading a node's transparency log as an outsider would, with checks written here from the RFCs (not the product's
 * verifier): RFC 6962's MTH, PATH and SUBPROOF, and C2SP signed-note signatures with node:crypto.
 */
const H = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const split = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
export const leafHashOf = (leaf: Buffer): Buffer => H(Buffer.of(0), leaf);
export const mth = (d: Buffer[]): Buffer =>
  d.length === 0
    ? H()
    : d.length === 1
      ? (d[0] as Buffer)
      : H(Buffer.of(1), mth(d.slice(0, split(d.length))), mth(d.slice(split(d.length))));
/** The root an inclusion proof leads to, folding RFC 6962's PATH back up the tree. */
export function rootFromPath(m: number, n: number, leaf: Buffer, path: Buffer[]): Buffer {
  if (n === 1) return leaf;
  const k = split(n);
  const rest = path.slice(0, -1);
  const sibling = path.at(-1) as Buffer;
  return m < k
    ? H(Buffer.of(1), rootFromPath(m, k, leaf, rest), sibling)
    : H(Buffer.of(1), sibling, rootFromPath(m - k, n - k, leaf, rest));
}
/** RFC 6962 SUBPROOF(m, D, true): what a consistency proof from m leaves to all of D must be. */
export const subproof = (m: number, d: Buffer[], whole = true): Buffer[] =>
  m === d.length
    ? whole
      ? []
      : [mth(d)]
    : m <= split(d.length)
      ? [...subproof(m, d.slice(0, split(d.length)), whole), mth(d.slice(split(d.length)))]
      : [...subproof(m - split(d.length), d.slice(split(d.length)), false), mth(d.slice(0, split(d.length)))];

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  body: string;
  lines: { name: string; bytes: Buffer }[];
}

export function parseCheckpoint(note: string): Checkpoint {
  const [body, signatures] = note.split('\n\n') as [string, string];
  const [origin, size, root] = body.split('\n') as [string, string, string];
  const lines = signatures
    .trimEnd()
    .split('\n')
    .map((l) => {
      const [, name, b64] = /^\u2014 (\S+) (\S+)$/.exec(l) as unknown as [string, string, string];
      return { name, bytes: Buffer.from(b64, 'base64') };
    });
  return { origin, size: Number(size), rootHash: Buffer.from(root, 'base64'), body: `${body}\n`, lines };
}

const raw = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
const keyId = (name: string, type: number, key: KeyObject): Buffer => H(Buffer.from(`${name}\n`), Buffer.of(type), raw(key)).subarray(0, 4);

/** Whether the log's own Ed25519 line (type 0x01) over the body verifies with `key`. */
export function logSignatureVerifies(cp: Checkpoint, key: KeyObject): boolean {
  const line = cp.lines.find((l) => l.name === cp.origin);
  return (
    !!line && line.bytes.subarray(0, 4).equals(keyId(cp.origin, 1, key)) && verify(null, Buffer.from(cp.body), key, line.bytes.subarray(4))
  );
}

/** The time of a `cosignature/v1` (type 0x04) line by `witness`, if it verifies with `key`. */
export function cosignatureTime(cp: Checkpoint, witness: string, key: KeyObject): number | undefined {
  const line = cp.lines.find((l) => l.name === witness && l.bytes.subarray(0, 4).equals(keyId(witness, 4, key)));
  if (!line) return undefined;
  const time = Number(line.bytes.readBigUInt64BE(4));
  return verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${cp.body}`), key, line.bytes.subarray(12)) ? time : undefined;
}

/** The node's `log` public key, from the certificate in its entity configuration (its root's signature is not checked here). */
export async function logKeyOf(url: string): Promise<KeyObject> {
  const statement = decodeJwt(await (await fetch(`${url}/.well-known/openid-federation`)).text()) as {
    metadata: { ots_node: { transparency: { log_certificates: string[] } } };
  };
  const certificate = decodeJwt(statement.metadata.ots_node.transparency.log_certificates[0] as string) as { jwk: JWK };
  return createPublicKey({ key: certificate.jwk as never, format: 'jwk' });
}

export const checkpointOf = async (url: string): Promise<Checkpoint> =>
  parseCheckpoint(await (await fetch(`${url}/transparency/checkpoint`)).text());

export interface LogEntry {
  index: number;
  leaf: Buffer;
  header: { kid: string; typ: string };
  payload: Record<string, any>;
}

export async function entriesOf(url: string, size: number): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  while (entries.length < size) {
    const page = (await (await fetch(`${url}/transparency/entries?start=${entries.length}&end=${size}`)).json()) as {
      entries: { index: number; leaf: string }[];
    };
    for (const { index, leaf } of page.entries) {
      const bytes = Buffer.from(leaf, 'base64');
      const jws = bytes.toString('ascii');
      entries.push({ index, leaf: bytes, header: decodeProtectedHeader(jws) as LogEntry['header'], payload: decodeJwt(jws) });
    }
  }
  return entries;
}

/** Verifies each entry's JWS with the `log` key that the log itself announced (a `key.added` of role log) under its kid. */
export function entrySignaturesVerify(entries: LogEntry[]): boolean {
  const logKeys = new Map<string, KeyObject>();
  for (const e of entries) {
    if (e.payload.event === 'key.added' && e.payload.role === 'log')
      logKeys.set(e.payload.subject, createPublicKey({ key: e.payload.jwk, format: 'jwk' }));
  }
  return entries.every((e) => {
    const key = logKeys.get(e.header.kid);
    const [h, p, s] = e.leaf.toString('ascii').split('.') as [string, string, string];
    return !!key && verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
  });
}

/**
 * A proxy in front of a real node (its own process: see split-view-proxy-server.mjs) that passes everything through
 * except `/transparency/checkpoint`, which it replaces by a checkpoint of the same size over another root, signed
 * with the node's log key from its key file: a node showing one partner another view of its log than the others see.
 */
export async function splitViewProxy(
  port: number,
  upstream: number,
  keysFile: string,
  origin: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./split-view-proxy-server.mjs', import.meta.url)), String(port), String(upstream), keysFile, origin],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(() => output.includes('listening'), 10_000);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export type Country = 'KZ' | 'TR' | 'UZ';
export const COUNTRIES: Country[] = ['KZ', 'TR', 'UZ'];

/** Three real node processes that trust each other (fedctl trust add both ways) and witness each other every second. */
export class WitnessingFederation {
  readonly nodes: Partial<Record<Country, RunningNode>> = {};

  constructor(
    readonly dataRoot: string,
    private readonly offset: number,
  ) {}

  port(country: Country): number {
    return { KZ: 4001, TR: 4002, UZ: 4004 }[country] + this.offset;
  }

  url(country: Country): string {
    return `http://127.0.0.1:${this.port(country)}`;
  }

  async start(country: Country): Promise<void> {
    this.nodes[country] = await startNode({
      country,
      dataRoot: this.dataRoot,
      port: this.port(country),
      env: { TRUST_REFRESH_SECONDS: '1', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' },
    });
  }

  /** SIGTERM, then SIGKILL after 10 s, as `fedctl up` stops its nodes. */
  async stop(country: Country): Promise<void> {
    const node = this.nodes[country];
    if (!node) return;
    const kill = setTimeout(() => node.process.kill('SIGKILL'), 10_000);
    await node.stop();
    clearTimeout(kill);
    delete this.nodes[country];
  }

  async up(baseUrl: (node: Country, partner: Country) => string = (_n, partner) => this.url(partner)): Promise<void> {
    await Promise.all(COUNTRIES.map((c) => this.start(c)));
    for (const node of COUNTRIES) {
      for (const partner of COUNTRIES.filter((c) => c !== node)) this.trust(node, partner, baseUrl(node, partner));
    }
  }

  /** `fedctl trust add`: pins the partner's current root, reading its entity configuration from `from`. */
  trust(node: Country, partner: Country, from: string): void {
    const root = JSON.parse(readFileSync(join(this.dataRoot, partner, 'keys.json'), 'utf8')).keys.find(
      (k: { role: string; retiredAt?: string }) => k.role === 'root' && !k.retiredAt,
    ).kid as string;
    const result = fedctl([
      '--data-dir',
      this.dataRoot,
      'trust',
      'add',
      '--node',
      this.url(node),
      '--country',
      partner,
      '--thumbprint',
      root,
      '--from',
      from,
    ]);
    if (result.status !== 0) throw new Error(`trust add ${partner} at ${node}: ${result.stderr}`);
  }

  private readonly tokens = new Map<string, string>();

  token(country: Country, role: 'admin' | 'officer' = 'admin'): string {
    const cached = this.tokens.get(`${country} ${role}`);
    if (cached) return cached;
    const token = fedctl([
      '--data-dir',
      this.dataRoot,
      'token',
      '--country',
      country,
      '--subject',
      `${country}:STAFF:admin`,
      '--role',
      'admin',
    ]).stdout.trim();
    this.tokens.set(country, token);
    return token;
  }

  async admin<T = Record<string, any>>(country: Country, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await graphql<T>(this.url(country), query, { token: this.token(country), variables });
    if (!answer.data) throw new Error(`${country}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  async alarms(country: Country): Promise<{ id: string; country: string; kind: string; evidence: string }[]> {
    return (
      await this.admin<{ transparencyAlarms: { edges: { node: { id: string; country: string; kind: string; evidence: string } }[] } }>(
        country,
        '{ transparencyAlarms(first: 100) { edges { node { id country kind evidence } } } }',
      )
    ).transparencyAlarms.edges.map((edge) => edge.node);
  }

  async witnessed(country: Country): Promise<{ log: string; note: string }[]> {
    return ((await (await fetch(`${this.url(country)}/transparency/witnessed`)).json()) as { checkpoints: { log: string; note: string }[] })
      .checkpoints;
  }

  async down(): Promise<void> {
    await Promise.all(Object.keys(this.nodes).map((c) => this.stop(c as Country)));
  }
}
