import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeConfig } from '@ots/config';
import { I18nService } from '@ots/i18n';
import { RequestAuthenticator } from '@ots/identity';
import { RateLimiter } from './rate-limiter.js';

/**
 * The limit that acts before GraphQL runs: `/graphql` requests are
 * rate-limited per client address unless their bearer token verified
 * (a verified caller is accountable). A header alone proves nothing: a
 * request with a bad token is counted like one with none.
 */
@Injectable()
export class RequestGuards implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: NodeConfig,
    private readonly i18n: I18nService,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (this.config.rateLimitPerMinute > 0) {
      const limiter = new RateLimiter(this.config.rateLimitPerMinute);
      fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (!request.url.startsWith('/graphql')) return;
        if ((await this.authenticator.authenticate(request)).kind === 'verified') return;
        const wait = limiter.take(request.ip);
        if (wait > 0) this.refuse(request, reply, 429, 'RATE_LIMITED', { seconds: wait }, { 'retry-after': String(wait) });
      });
    }
  }

  private refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    params: Record<string, string | number>,
    headers: Record<string, string> = {},
  ): void {
    const lang = this.i18n.resolveLeniently(undefined, request.headers['accept-language']);
    void reply
      .status(status)
      .headers(headers)
      .send({ data: null, errors: [{ message: this.i18n.errorMessage(code, params, lang), extensions: { code } }] });
  }
}
