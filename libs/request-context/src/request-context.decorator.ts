import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { contextOf, type RequestContext } from './request-context.js';

/** The context of the GraphQL request a resolver serves (request id, trace), undefined outside of one. */
export const CurrentRequestContext = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext | undefined =>
  contextOf(GqlExecutionContext.create(context).getContext<{ req?: object }>().req),
);
