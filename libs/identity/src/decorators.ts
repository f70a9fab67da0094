import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from './roles.js';

export const PUBLIC_KEY = 'ots:public';
export const ROLES_KEY = 'ots:roles';

/** The operation needs no bearer token (discovery, document verification, partner delivery). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The caller must hold at least one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The verified caller, set by AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req.principal;
});
