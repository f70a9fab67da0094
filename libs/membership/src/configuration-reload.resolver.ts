import { Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { CountryRole, Language } from '@ots/config';
import { CountryRoleEnum, LanguageEnum } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { ConfigurationReloadService } from './configuration-reload.service.js';

@ObjectType('FederationCountry', { description: 'A member or observer as federation-config lists it.' })
export class FederationCountryView {
  @Field()
  code: string;

  @Field(() => CountryRoleEnum)
  role: CountryRole;

  @Field(() => LanguageEnum)
  defaultLanguage: Language;

  @Field({ description: 'The person-id scheme of its subjects, e.g. IIN.' })
  personIdScheme: string;
}

@ObjectType('FederationConfiguration', { description: 'The federation-config a node runs with.' })
export class FederationConfigurationView {
  @Field()
  protocolVersion: string;

  @Field(() => [FederationCountryView])
  countries: FederationCountryView[];
}

@Resolver()
export class ConfigurationReloadResolver {
  constructor(private readonly reloads: ConfigurationReloadService) {}

  @Roles('admin')
  @Mutation(() => FederationConfigurationView, {
    description:
      'Re-reads federation-config without a restart (admin; SIGHUP does the same): validated whole first, refused whole with CONFIG_RELOAD_REFUSED.',
  })
  async reloadConfiguration(@CurrentPrincipal() principal: Principal): Promise<FederationConfigurationView> {
    const federation = await this.reloads.reload(principal.subject);
    return {
      protocolVersion: federation.protocolVersion,
      countries: federation.countries.map((c) => ({
        code: c.code,
        role: c.role,
        defaultLanguage: c.defaultLanguage,
        personIdScheme: c.personId.scheme,
      })),
    };
  }
}
