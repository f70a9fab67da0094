import { join, resolve } from 'node:path';
import { defaultFederationConfigDir, loadFederationConfig, type FederationConfig } from '@ots/config';
import { mintDevToken, type Role } from '@ots/identity';
import { graphqlRequest } from './graphql-client.js';

/** A usage mistake: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What every command shares: the federation, where node data lives, how to reach a node. */
export class CliContext {
  readonly federation: FederationConfig;
  readonly dataRoot: string;
  readonly portOffset: number;

  constructor(options: { dataDir?: string; portOffset?: string }) {
    this.federation = loadFederationConfig(process.env.FEDERATION_CONFIG_DIR ?? defaultFederationConfigDir());
    this.dataRoot = resolve(options.dataDir ?? process.env.DATA_DIR ?? 'data');
    this.portOffset = parsePortOffset(options.portOffset ?? process.env.PORT_OFFSET ?? '0');
  }

  countryOrFail(code: string): string {
    const upper = code.trim().toUpperCase();
    if (!this.federation.country(upper)) {
      throw new UsageError(`unknown country ${code}; federation-config lists ${this.federation.countries.map((c) => c.code).join(', ')}`);
    }
    return upper;
  }

  localUrl(country: string): string {
    const definition = this.federation.country(this.countryOrFail(country));
    return `http://127.0.0.1:${(definition?.port ?? 0) + this.portOffset}`;
  }

  /** `--node KZ` (the local node of KZ) or `--node http://host:port`; defaults to NODE_COUNTRY. */
  async resolveNode(node: string | undefined): Promise<{ country: string; baseUrl: string }> {
    const target = node ?? process.env.NODE_COUNTRY;
    if (!target) throw new UsageError('which node? pass --node KZ (or a URL), or set NODE_COUNTRY');
    if (/^https?:\/\//.test(target)) {
      const baseUrl = target.replace(/\/+$/, '');
      const { node: info } = await graphqlRequest<{ node: { country: string } }>({
        endpoint: `${baseUrl}/graphql`,
        query: '{ node { country } }',
      });
      return { country: info.country, baseUrl };
    }
    const country = this.countryOrFail(target);
    return { country, baseUrl: this.localUrl(country) };
  }

  nodeDataDir(country: string): string {
    return join(this.dataRoot, country);
  }

  /** `--token`/OTS_TOKEN if given; otherwise a token from the node's development identity provider. */
  async token(country: string, role: Role, explicit: string | undefined, subject = `${country}:ADMIN:fedctl`): Promise<string> {
    const given = explicit ?? process.env.OTS_TOKEN;
    if (given) return given;
    return mintDevToken({ dataDir: this.nodeDataDir(country), country, subject, roles: [role], ttlSeconds: 300 });
  }
}

function parsePortOffset(value: string): number {
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0 || offset > 60000)
    throw new UsageError(`--port-offset must be an integer 0-60000, got ${value}`);
  return offset;
}
