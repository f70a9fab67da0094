import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';

/** The request's Accept-Language header, for resolvers that answer in the caller's language. */
export const AcceptLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const header = GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>().req.headers['accept-language'];
  return typeof header === 'string' ? header : undefined;
});
