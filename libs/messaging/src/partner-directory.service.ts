import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { unverifiedPayload, verifySignerCertificate, type EntityConfigurationPayload, type IssuerTrust } from '@ots/jws';
import { TrustViewService } from '@ots/trust';

export interface Partner {
  country: string;
  graphqlEndpoint: string;
  encryptionKey: JWK;
  trust: IssuerTrust;
}

/**
 * Where and how to reach a partner: its GraphQL endpoint and its X25519
 * encryption key, taken from the entity configuration the trust store
 * accepted and checked against the partner's root keys.
 */
@Injectable()
export class PartnerDirectory {
  private readonly cache = new Map<string, { statement: string; partner: Partner }>();

  constructor(private readonly trustView: TrustViewService) {}

  /** The partner if it is trusted and active now, else undefined. */
  async partner(country: string): Promise<Partner | undefined> {
    const trust = (await this.trustView.current()).issuer(country);
    if (!trust || trust.status !== 'active') return undefined;
    const anchor = await this.trustView.anchor(country);
    if (!anchor) return undefined;
    const cached = this.cache.get(country);
    if (cached?.statement === anchor.entityConfiguration) return { ...cached.partner, trust };
    // Verified when the trust store accepted it; read here for the encryption certificate, itself verified below.
    const payload = unverifiedPayload<EntityConfigurationPayload>(anchor.entityConfiguration);
    const certificate = payload.metadata?.ots_node.encryption_certificates?.[0];
    if (!certificate) return undefined;
    const { payload: certified } = await verifySignerCertificate(certificate, trust.rootKeys, country, Math.floor(Date.now() / 1000));
    if (!certified.use.includes('enc')) return undefined;
    const partner: Partner = {
      country,
      graphqlEndpoint: anchor.graphqlEndpoint,
      encryptionKey: { ...certified.jwk, kid: certified.sub },
      trust,
    };
    this.cache.set(country, { statement: anchor.entityConfiguration, partner });
    return partner;
  }
}
