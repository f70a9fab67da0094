import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { NodeConfig } from '@ots/config';
import { I18nService } from '@ots/i18n';
import { IdentityModule } from '@ots/identity';
import { contextOf, noteOperation, noteOutcome, operationLabel } from '@ots/request-context';
import { formatGraphqlErrors } from './error-formatter.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from './query-limits.js';
import { HttpAnswers } from './http-answers.js';
import { RequestGuards } from './request-guards.js';
import { ApiExceptionFilter } from './graphql-exception.filter.js';
import { ErrorCode } from './error-code.enum.js';

/**
 * GraphQL at `/graphql`, code-first, on Mercurius: measured 3.25x the
 * requests/s of Apollo on Express on this hardware (docs/decisions.md).
 */
@Module({
  imports: [
    IdentityModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [NodeConfig, I18nService],
      useFactory: (config: NodeConfig, i18n: I18nService) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        buildSchemaOptions: { orphanedTypes: [ErrorCode] },
        graphiql: false,
        ide: false,
        jit: 1,
        introspection: config.graphqlIntrospection,
        validationRules: [queryLimitsRule(DEFAULT_QUERY_LIMITS)],
        // For the request's log lines and the ots_graphql_operation_seconds histogram (libs/monitoring).
        hooks: {
          preExecution: async (_schema, document, context) =>
            noteOperation(
              contextOf(context.reply?.request),
              operationLabel(document, (context.reply?.request.body as { operationName?: string } | undefined)?.operationName),
            ),
          onResolution: async (execution, context) =>
            noteOutcome(contextOf(context.reply?.request), errorCode(execution.errors?.[0]?.extensions?.code)),
        },
        errorFormatter: (execution, context) => {
          const headers = context.reply?.request.headers;
          const lang = i18n.resolveLeniently(undefined, headers?.['accept-language']);
          return formatGraphqlErrors(execution, lang, (code, language, params) => i18n.errorMessage(code, params, language));
        },
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, RequestGuards, HttpAnswers],
})
export class GraphqlApiModule {}

/** The first error's code, as the exception filter set it (OK when the operation had none). */
function errorCode(code: unknown): string {
  return typeof code === 'string' ? code : code === undefined ? 'OK' : 'INTERNAL';
}
