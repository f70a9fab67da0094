import { Inject } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FederationConfig, NodeConfig, type Language } from '@ots/config';
import { CountryRoleEnum, LanguageEnum, langArg } from '@ots/graphql-api';
import { Public } from '@ots/identity';
import { AcceptLanguage, I18nService } from '@ots/i18n';
import { KeyStore } from './key-store.js';

@ObjectType({ description: 'Who this node is: what a partner or portal asks first.' })
export class NodeInfo {
  @Field({ description: 'ISO 3166-1 alpha-2 code; the `iss` of everything this node signs.' })
  country: string;

  @Field({ description: 'The country name in the requested language.' })
  name: string;

  @Field(() => CountryRoleEnum)
  role: string;

  @Field(() => [LanguageEnum])
  languages: Language[];

  @Field(() => LanguageEnum)
  defaultLanguage: Language;

  @Field(() => [String], { description: 'RFC 7638 SHA-256 thumbprints of the active root keys, as admins pin them.' })
  rootKeyThumbprints: string[];

  @Field()
  protocolVersion: string;

  @Field()
  graphqlEndpoint: string;
}

@Resolver(() => NodeInfo)
export class NodeInfoResolver {
  constructor(
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly i18n: I18nService,
    @Inject(KeyStore) private readonly keys: KeyStore,
  ) {}

  @Public()
  @Query(() => NodeInfo)
  node(@Args(langArg) lang: string | undefined, @AcceptLanguage() acceptLanguage: string | undefined): NodeInfo {
    const language = this.i18n.resolve(lang, acceptLanguage);
    return {
      country: this.config.countryCode,
      name: this.config.country.names[language],
      role: this.config.country.role,
      languages: [...this.federation.languages],
      defaultLanguage: this.config.defaultLanguage,
      rootKeyThumbprints: this.keys.activeRoots().map((k) => k.kid),
      protocolVersion: this.federation.protocolVersion,
      graphqlEndpoint: this.config.graphqlEndpoint,
    };
  }
}
