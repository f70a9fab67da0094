import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '@ots/errors';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './decorators.js';
import { RequestAuthenticator } from './request-authenticator.service.js';
import type { Role } from './roles.js';

/**
 * Secure by default: every GraphQL operation needs a valid bearer token
 * unless it is marked @Public(); @Roles() narrows it further. HTTP routes
 * (discovery, health) are public by protocol and are not guarded here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
    const authentication = await this.authenticator.authenticate(req);
    if (authentication.kind === 'anonymous') throw new UnauthenticatedError('missing bearer token');
    if (authentication.kind === 'refused') throw authentication.error;
    req.principal = authentication.principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required && !required.some((role) => req.principal?.roles.includes(role))) {
      throw new ForbiddenError(`needs one of ${required.join(', ')}`);
    }
    return true;
  }
}
