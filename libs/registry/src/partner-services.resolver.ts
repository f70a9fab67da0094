import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { TrustAnchorView } from '@ots/trust';
import { PartnerServicesService } from './partner-services.service.js';

@Resolver()
@Roles('admin')
export class PartnerServicesResolver {
  constructor(private readonly partnerServices: PartnerServicesService) {}

  @Mutation(() => TrustAnchorView, {
    description:
      "Restricts which of this node's services the partner's citizens may use; null allows all. Every code must be in this node's catalog (SERVICE_NOT_FOUND).",
  })
  restrictPartnerServices(
    @Args('country') country: string,
    @Args('services', { type: () => [String], nullable: true }) services: string[] | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TrustAnchorView> {
    return this.partnerServices.restrict({ country, services: services ?? null }, principal);
  }
}
