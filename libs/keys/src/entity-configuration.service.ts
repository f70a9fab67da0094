import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { FederationConfig, NodeConfig } from '@ots/config';
import {
  entityConfigurationPayload,
  PROTOCOL_VERSIONS,
  signEntityConfiguration,
  transparencyOrigin,
  type EntityConfigurationInput,
  type EntityConfigurationPayload,
  type SigningKey,
} from '@ots/jws';
import { KeyStore } from './key-store.js';
import { RootKeyOfflineError } from './keys.errors.js';
import { MAX_OFFLINE_ENTITY_CONFIGURATION_SECONDS } from './key-request.js';

/** How long a published entity configuration is valid; it is re-signed at half-life. */
const ENTITY_CONFIGURATION_LIFETIME_SECONDS = 24 * 3600;

export interface PublishedStatement {
  body: string;
  etag: string;
}

export const sha256Etag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`;

/**
 * Signs and caches this node's entity configuration (docs/protocol/README.md section 2).
 * The same bytes are served until half their lifetime has passed, so the
 * ETag is stable and partners' revalidations cost a 304.
 */
@Injectable()
export class EntityConfigurationService {
  private cached?: PublishedStatement & { issuedAt: number };

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
  ) {}

  async current(): Promise<PublishedStatement> {
    const now = Math.floor(Date.now() / 1000);
    if (this.keys.rootOffline) {
      // No root to re-sign with: the statement it signed before it left, which partners accept until its exp.
      const body = this.keys.offlineEntityConfiguration;
      if (!body) throw new RootKeyOfflineError('no entity configuration was signed before the root left');
      if (this.cached?.body !== body) this.cached = { body, etag: sha256Etag(body), issuedAt: now };
      return { body, etag: this.cached.etag };
    }
    if (!this.cached || now - this.cached.issuedAt > ENTITY_CONFIGURATION_LIFETIME_SECONDS / 2) {
      const body = await this.sign(this.keys.signingRoot(), now, ENTITY_CONFIGURATION_LIFETIME_SECONDS);
      this.cached = { body, etag: sha256Etag(body), issuedAt: now };
    }
    return { body: this.cached.body, etag: this.cached.etag };
  }

  /** The long-lived statement signed with the root just before `fedctl keys export-root` takes it off the node. */
  signBeforeRootLeaves(root: { kid: string; privateJwk: SigningKey }): Promise<string> {
    return this.sign(root, Math.floor(Date.now() / 1000), MAX_OFFLINE_ENTITY_CONFIGURATION_SECONDS);
  }

  /** The statement a request asks the offline root to sign: today's keys and certificates, valid 45 days. */
  offlinePayload(): EntityConfigurationPayload {
    return entityConfigurationPayload(this.input(Math.floor(Date.now() / 1000), MAX_OFFLINE_ENTITY_CONFIGURATION_SECONDS));
  }

  private sign(root: { kid: string; privateJwk: SigningKey }, now: number, lifetimeSeconds: number): Promise<string> {
    return signEntityConfiguration({ ...this.input(now, lifetimeSeconds), signingRoot: root });
  }

  private input(now: number, lifetimeSeconds: number): EntityConfigurationInput {
    return {
      country: this.config.countryCode,
      rootKeys: this.keys.rootPublicJwks(),
      metadata: {
        graphql_endpoint: this.config.graphqlEndpoint,
        languages: [...this.federation.languages],
        status_list_endpoint: `${this.config.publicBaseUrl}/status-lists`,
        signer_certificates: this.keys.certificates('signer'),
        encryption_certificates: this.keys.certificates('enc'),
        protocol_versions: [...PROTOCOL_VERSIONS],
        transparency: {
          origin: transparencyOrigin(this.config.countryCode),
          checkpoint_endpoint: `${this.config.publicBaseUrl}/transparency/checkpoint`,
          entries_endpoint: `${this.config.publicBaseUrl}/transparency/entries`,
          inclusion_proof_endpoint: `${this.config.publicBaseUrl}/transparency/proof/inclusion`,
          consistency_proof_endpoint: `${this.config.publicBaseUrl}/transparency/proof/consistency`,
          witnessed_endpoint: `${this.config.publicBaseUrl}/transparency/witnessed`,
          log_certificates: this.keys.certificates('log'),
        },
      },
      federationEntity: { federation_historical_keys_endpoint: `${this.config.publicBaseUrl}/transparency/historical-keys` },
      issuedAt: now,
      lifetimeSeconds,
    };
  }

  /** Drops the cached statement after a key change so the next request signs the new keys. */
  invalidate(): void {
    this.cached = undefined;
  }
}
