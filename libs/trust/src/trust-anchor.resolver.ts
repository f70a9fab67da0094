import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { JsonScalar } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import type { AnchorsFile } from '@ots/jws';
import { TrustAnchorService } from './trust-anchor.service.js';
import { AddTrustAnchorInput, PartnerKeyView, RevokePartnerKeyInput, TrustAnchorView } from './trust-anchor.types.js';
import { TrustViewService } from './trust-view.service.js';

/** Trust administration (admin role only); every mutation is audited by the service. */
@Resolver(() => TrustAnchorView)
@Roles('admin')
export class TrustAnchorResolver {
  constructor(
    private readonly trust: TrustAnchorService,
    private readonly view: TrustViewService,
  ) {}

  @Query(() => [TrustAnchorView], { description: 'Every partner this node trusts, with its keys.' })
  trustAnchors(): Promise<TrustAnchorView[]> {
    return this.trust.list();
  }

  @Query(() => [PartnerKeyView], {
    description: "What this node knows of a partner's keys: roots, certified signer and encryption keys, revocations.",
  })
  partnerKeys(@Args('country') country: string): Promise<PartnerKeyView[]> {
    return this.trust.keysOf(country);
  }

  @Query(() => JsonScalar, { description: 'The trust store as an anchors file, for offline verification (`fedctl verify --anchors`).' })
  trustAnchorsExport(): Promise<AnchorsFile> {
    return this.view.export();
  }

  @Mutation(() => TrustAnchorView, {
    description: 'Pins a partner: fetches its entity configuration and refuses it unless a pinned thumbprint signed it.',
  })
  addTrustAnchor(@Args('input') input: AddTrustAnchorInput, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.add(input, principal);
  }

  @Mutation(() => TrustAnchorView, {
    description: "Re-reads the partner's entity configuration; new root keys signed by a trusted one are accepted (key continuity).",
  })
  refreshTrustAnchor(@Args('country') country: string, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.refresh(country, principal);
  }

  @Mutation(() => TrustAnchorView, { description: 'Stops trusting the country until reactivated.' })
  suspendTrustAnchor(@Args('country') country: string, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.setStatus(country, 'suspended', principal);
  }

  @Mutation(() => TrustAnchorView)
  reactivateTrustAnchor(@Args('country') country: string, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.setStatus(country, 'active', principal);
  }

  @Mutation(() => TrustAnchorView, { description: 'Stops trusting the country for good; only a new trust ceremony restores it.' })
  revokeTrustAnchor(@Args('country') country: string, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.setStatus(country, 'revoked', principal);
  }

  @Mutation(() => TrustAnchorView, { description: 'Revokes one partner key (root or signer).' })
  revokePartnerKey(@Args('input') input: RevokePartnerKeyInput, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.revokeKey(input, principal);
  }
}
