import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { JsonScalar, langArg } from '@ots/graphql-api';
import { CurrentPrincipal, Public, Roles, type Principal } from '@ots/identity';
import { AcceptLanguage, I18nService } from '@ots/i18n';
import { FederatedSearchService } from './federated-search.service.js';
import { MAX_PAGE_SIZE, RegistryService } from './registry.service.js';
import {
  CategoryTermView,
  FederatedServices,
  LifeEventTermView,
  RegistrySnapshot,
  ServiceConnection,
  ServiceFilterInput,
  ServiceTranslationView,
  ServiceView,
  type TermView,
} from './registry.types.js';

@Resolver(() => ServiceView)
export class RegistryResolver {
  constructor(
    private readonly registry: RegistryService,
    private readonly federated: FederatedSearchService,
    private readonly i18n: I18nService,
  ) {}

  @Public()
  @Query(() => ServiceConnection, { description: `This node's services, filtered, in pages of at most ${MAX_PAGE_SIZE}.` })
  services(
    @Args('filter', { type: () => ServiceFilterInput, nullable: true }) filter: ServiceFilterInput | null,
    @Args(langArg) lang: string | undefined,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @AcceptLanguage() acceptLanguage: string | undefined,
  ): Promise<ServiceConnection> {
    return this.registry.services(filter ?? {}, this.i18n.resolve(lang, acceptLanguage), first, after);
  }

  @Public()
  @Query(() => ServiceView, { description: 'One service by code; retired services stay readable with retired: true.' })
  service(
    @Args('code') code: string,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() acceptLanguage: string | undefined,
  ): Promise<ServiceView> {
    return this.registry.service(code, this.i18n.resolve(lang, acceptLanguage));
  }

  @Public()
  @Query(() => [CategoryTermView])
  categories(@Args(langArg) lang: string | undefined, @AcceptLanguage() acceptLanguage: string | undefined): TermView[] {
    return this.registry.terms('category', this.i18n.resolve(lang, acceptLanguage));
  }

  @Public()
  @Query(() => [LifeEventTermView])
  lifeEvents(@Args(langArg) lang: string | undefined, @AcceptLanguage() acceptLanguage: string | undefined): TermView[] {
    return this.registry.terms('lifeEvent', this.i18n.resolve(lang, acceptLanguage));
  }

  @Public()
  @Query(() => RegistrySnapshot, {
    description: 'The whole catalog, signed, for partners to cache (also at GET /registry/snapshot with ETag).',
  })
  registrySnapshot(): Promise<RegistrySnapshot> {
    return this.registry.snapshot();
  }

  @Public()
  @Query(() => FederatedServices, {
    description: 'The same filter over this node and every active trusted partner at once; a partner that fails is reported, never fatal.',
  })
  federatedServices(
    @Args('filter', { type: () => ServiceFilterInput, nullable: true }) filter: ServiceFilterInput | null,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() acceptLanguage: string | undefined,
  ): Promise<FederatedServices> {
    return this.federated.search(filter ?? {}, this.i18n.resolve(lang, acceptLanguage));
  }

  @Roles('admin')
  @Mutation(() => ServiceView, { description: 'Adds a service (admin); definition and texts are validated like the catalog files.' })
  addService(
    @Args('definition', { type: () => JsonScalar }) definition: unknown,
    @Args('texts', { type: () => JsonScalar, description: '{"en": {"name", "description"}, "kk": {...}, ...}; English required.' })
    texts: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceView> {
    return this.registry.addService(definition, texts, principal);
  }

  @ResolveField(() => [ServiceTranslationView], {
    description:
      'The name and description in every language the service has them in, as written: no fallback (what an editor starts from).',
  })
  translations(@Parent() service: ServiceView): Promise<ServiceTranslationView[]> {
    return this.registry.translations(service.code);
  }

  @Roles('admin')
  @Mutation(() => ServiceView, { description: 'Replaces a service definition and its texts (admin).' })
  updateService(
    @Args('code') code: string,
    @Args('definition', { type: () => JsonScalar }) definition: unknown,
    @Args('texts', { type: () => JsonScalar }) texts: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceView> {
    return this.registry.updateService(code, definition, texts, principal);
  }

  @Roles('admin')
  @Mutation(() => ServiceView, { description: 'Retires a service (admin): gone from lists, still readable by code.' })
  retireService(@Args('code') code: string, @CurrentPrincipal() principal: Principal): Promise<ServiceView> {
    return this.registry.retireService(code, principal);
  }
}
