import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { TrustAnchorService } from './trust-anchor.service.js';
import { AddTrustAnchorInput, TrustAnchorView } from './trust-anchor.types.js';

@Resolver(() => TrustAnchorView)
@Roles('admin')
export class TrustAnchorResolver {
  constructor(private readonly trust: TrustAnchorService) {}

  @Query(() => [TrustAnchorView], { description: 'Every partner this node trusts, with its keys (admin).' })
  trustAnchors(): Promise<TrustAnchorView[]> {
    return this.trust.list();
  }

  @Mutation(() => TrustAnchorView, { description: "Pins a partner: fetches its entity configuration and refuses it unless a pinned thumbprint signed it (admin)." })
  addTrustAnchor(@Args('input') input: AddTrustAnchorInput, @CurrentPrincipal() principal: Principal): Promise<TrustAnchorView> {
    return this.trust.add(input, principal);
  }
}
