import { join, resolve } from 'node:path';
import { defaultFederationConfigDir, loadFederationConfig, normalizeCountryCode, type FederationConfig } from '@ots/config';
import { mintDevToken, type Role } from '@ots/identity';
import { UsageError } from './cli-error.js';
import { graphqlRequest } from './graphql-client.js';
import { NodeIdentityDocument } from './operations/generated.js';

/** What every command shares: the federation, where node data lives, how to reach a node. */
export class CliContext {
  readonly dataRoot: string;
  readonly portOffset: number;
  private loaded?: FederationConfig;

  constructor(options: { dataDir?: string; portOffset?: string }) {
    this.dataRoot = resolve(options.dataDir ?? process.env.DATA_DIR ?? 'data');
    this.portOffset = parsePortOffset(options.portOffset ?? process.env.PORT_OFFSET ?? '0');
  }

  /** Read when first needed: a command that names nodes by URL works whatever the local files say. */
  get federation(): FederationConfig {
    this.loaded ??= loadFederationConfig(process.env.FEDERATION_CONFIG_DIR ?? defaultFederationConfigDir());
    return this.loaded;
  }

  countryOrFail(code: string): string {
    const country = normalizeCountryCode(code);
    if (!country || !this.federation.country(country)) {
      throw new UsageError('unknownCountry', { country: code, countries: this.federation.countries.map((c) => c.code).join(', ') });
    }
    return country;
  }

  localPort(country: string): number {
    const definition = this.federation.country(this.countryOrFail(country));
    return (definition?.port ?? 0) + this.portOffset;
  }

  localUrl(country: string): string {
    return `http://127.0.0.1:${this.localPort(country)}`;
  }

  /** `--node KZ` (the local node of KZ) or `--node http://host:port`; defaults to NODE_COUNTRY. */
  async resolveNode(node: string | undefined): Promise<{ country: string; baseUrl: string }> {
    const target = node ?? process.env.NODE_COUNTRY;
    if (!target) throw new UsageError('whichNode');
    if (/^https?:\/\//.test(target)) {
      const baseUrl = target.replace(/\/+$/, '');
      const { node: info } = await graphqlRequest({ endpoint: `${baseUrl}/graphql` }, NodeIdentityDocument);
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
  if (!Number.isInteger(offset) || offset < 0 || offset > 60000) throw new UsageError('badPortOffset', { value });
  return offset;
}
