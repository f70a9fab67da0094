import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { serialiseAnchor, thumbprint, type AnchorsFile, type IssuerTrust, type KeyRevocation, type TrustView } from '@ots/jws';
import { KeyRotationService, KeyStore } from '@ots/keys';
import type { JWK } from 'jose';
import { TrustAnchorEntity } from './trust-anchor.entity.js';

/** Replicas sharing one database see each other's trust changes within this time. */
const VIEW_TTL_MS = 5_000;

const seconds = (date: Date | null | undefined): number | undefined => (date ? Math.floor(date.getTime() / 1000) : undefined);

/**
 * What verifiers consult: every trusted partner with its root keys and
 * revocations, plus this node itself (its own documents verify like any
 * other). Built from the database, cached, and rebuilt after a change.
 */
@Injectable()
export class TrustViewService {
  private cached?: { view: TrustView; anchors: ReadonlyMap<string, TrustAnchorEntity>; builtAt: number };
  private building?: Promise<TrustView>;
  private readonly listeners: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NodeConfig,
    @Inject(KeyStore) private readonly keys: KeyStore,
    rotation: KeyRotationService,
  ) {
    rotation.onChange(() => this.invalidate());
  }

  async current(): Promise<TrustView> {
    if (this.cached && Date.now() - this.cached.builtAt < VIEW_TTL_MS) return this.cached.view;
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  /** Every partner's anchor record, from the same cache. */
  async anchors(): Promise<TrustAnchorEntity[]> {
    await this.current();
    return [...(this.cached?.anchors.values() ?? [])];
  }

  /** A partner's anchor record (endpoints, accepted entity configuration, service restrictions), from the same cache. */
  async anchor(country: string): Promise<TrustAnchorEntity | undefined> {
    await this.current();
    return this.cached?.anchors.get(country);
  }

  invalidate(): void {
    this.cached = undefined;
    for (const listener of this.listeners) listener();
  }

  /** Lets caches derived from trust (federated answers) drop themselves when an anchor changes. */
  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The anchors file `fedctl verify --anchors` reads: the same view, serialised. */
  async export(): Promise<AnchorsFile> {
    const anchors = await this.dataSource.getRepository(TrustAnchorEntity).find({ order: { country: 'ASC' } });
    const own = await this.ownTrust();
    return {
      version: 1,
      exportedBy: this.config.countryCode,
      exportedAt: new Date().toISOString(),
      anchors: [serialiseAnchor(own), ...anchors.map((a) => serialiseAnchor(fromEntity(a)))],
    };
  }

  private async build(): Promise<TrustView> {
    const anchors = await this.dataSource.getRepository(TrustAnchorEntity).find();
    const issuers = new Map<string, IssuerTrust>(anchors.map((a) => [a.country, fromEntity(a)]));
    issuers.set(this.config.countryCode, await this.ownTrust());
    const view: TrustView = { issuer: (country) => issuers.get(country) };
    this.cached = { view, anchors: new Map(anchors.map((a) => [a.country, a])), builtAt: Date.now() };
    return view;
  }

  private async ownTrust(): Promise<IssuerTrust> {
    const roots = new Map<string, JWK>();
    for (const jwk of this.keys.allRootPublicJwks()) roots.set(await thumbprint(jwk), jwk);
    return {
      country: this.config.countryCode,
      status: 'active',
      rootKeys: roots,
      // Its own keys revoked as compromised (revokeOwnKey): nothing they signed verifies here either.
      revokedKeys: new Map(
        this.keys
          .history()
          .filter((k) => k.revocationReason === 'compromised')
          .map((k) => [k.kid, { revokedAt: Math.floor(new Date(k.retiredAt as string).getTime() / 1000), reason: 'compromised' as const }]),
      ),
      statusListEndpoint: `${this.config.publicBaseUrl}/status-lists`,
    };
  }
}

function fromEntity(anchor: TrustAnchorEntity): IssuerTrust {
  const rootKeys = new Map<string, JWK>();
  const revokedKeys = new Map<string, KeyRevocation>();
  for (const key of anchor.keys) {
    if (key.source !== 'signer') rootKeys.set(key.thumbprint, key.jwk);
    if (key.status === 'revoked' && key.revokedAt && key.revocationReason) {
      revokedKeys.set(key.thumbprint, { revokedAt: seconds(key.revokedAt) as number, reason: key.revocationReason });
    }
  }
  return {
    country: anchor.country,
    status: anchor.status,
    validFrom: seconds(anchor.validFrom),
    validTo: seconds(anchor.validTo),
    rootKeys,
    revokedKeys,
    statusListEndpoint: anchor.statusListEndpoint,
  };
}
