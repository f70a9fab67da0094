import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { NodeConfig } from '@ots/config';
import { I18nService } from '@ots/i18n';
import { formatGraphqlErrors } from './error-formatter.js';
import { ApiExceptionFilter } from './graphql-exception.filter.js';

/**
 * GraphQL at `/graphql`, code-first, on Mercurius: measured 3.25x the
 * requests/s of Apollo on Express on this hardware (docs/decisions.md).
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [NodeConfig, I18nService],
      useFactory: (config: NodeConfig, i18n: I18nService) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: false,
        ide: false,
        jit: 1,
        introspection: config.graphqlIntrospection,
        errorFormatter: (execution, context) => {
          const headers = context.reply?.request.headers;
          const lang = i18n.resolveLeniently(undefined, headers?.['accept-language']);
          return formatGraphqlErrors(execution, lang, (code, language) => i18n.errorMessage(code, {}, language));
        },
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
})
export class GraphqlApiModule {}
