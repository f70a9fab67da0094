import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OtsError, UnauthenticatedError } from '@ots/errors';
import type { Principal } from './roles.js';
import { TokenVerifier } from './token-verifier.service.js';

/** What a request's `Authorization` header proved: nothing (none sent), a verified principal, or why it was refused. */
export type Authentication = { kind: 'anonymous' } | { kind: 'verified'; principal: Principal } | { kind: 'refused'; error: OtsError };

const ANONYMOUS: Authentication = { kind: 'anonymous' };
const settled = new WeakMap<FastifyRequest['raw'], Promise<Authentication>>();

/** The token of an `Authorization: Bearer <jwt>` header; null for any other header, undefined for none. */
export function bearerToken(header: string | string[] | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

/**
 * Verifies a request's bearer token once, however many places ask (the
 * rate limit before GraphQL runs, then AuthGuard for every guarded field):
 * the answer is remembered for the request's lifetime.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly tokens: TokenVerifier) {}

  authenticate(request: Pick<FastifyRequest, 'headers' | 'raw'>): Promise<Authentication> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return Promise.resolve(ANONYMOUS);
    let authentication = settled.get(request.raw);
    if (!authentication) {
      authentication = this.verify(token);
      settled.set(request.raw, authentication);
    }
    return authentication;
  }

  private async verify(token: string | null): Promise<Authentication> {
    if (token === null) return { kind: 'refused', error: new UnauthenticatedError('not a bearer token') };
    try {
      return { kind: 'verified', principal: await this.tokens.verify(token) };
    } catch (err) {
      if (err instanceof OtsError) return { kind: 'refused', error: err };
      throw err;
    }
  }
}
