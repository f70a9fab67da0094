import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeConfig, RATE_LIMIT_CLASSES, type RateLimitClass } from '@ots/config';
import { I18nService } from '@ots/i18n';
import { RequestAuthenticator } from '@ots/identity';
import { RateLimitedError } from './graphql-api.errors.js';
import { OperationCostParser, routeClass, type OperationCosts } from './operation-costs.js';
import { RateLimiter } from './rate-limiter.js';

interface GraphqlRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * The limits that act before any resolver or controller runs. Callers
 * without a verified bearer token (a header alone proves nothing: a bad
 * token counts like none) get a budget per client address and minute for
 * each class of work: GraphQL root fields by what they cost (one
 * verifyDocuments counts its documents), and the public HTTP routes.
 * A verified caller is accountable and not counted.
 */
@Injectable()
export class RequestGuards implements OnModuleInit {
  private readonly limiters = new Map<RateLimitClass, RateLimiter>();
  private readonly costs = new OperationCostParser();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    config: NodeConfig,
    private readonly i18n: I18nService,
    private readonly authenticator: RequestAuthenticator,
  ) {
    for (const kind of RATE_LIMIT_CLASSES) {
      const perMinute = config.rateLimitsPerMinute[kind];
      if (perMinute > 0) this.limiters.set(kind, new RateLimiter(perMinute));
    }
  }

  onModuleInit(): void {
    if (this.limiters.size === 0) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const kind = routeClass(request.url);
      if (!kind || !this.limiters.has(kind)) return;
      const wait = this.limiters.get(kind)?.take(request.ip) ?? 0;
      if (wait > 0) return this.refuse(request, reply, wait, (message, code) => ({ code, message }));
    });
    // After the body is parsed, so that the operation is known; before any preHandler (the public response cache
    // answers there) and before Mercurius runs it.
    fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.url.startsWith('/graphql')) return;
      if ((await this.authenticator.authenticate(request)).kind === 'verified') return;
      const wait = this.take(request.ip, this.requestCosts(request));
      if (wait > 0) return this.refuse(request, reply, wait, (message, code) => ({ errors: [{ message, extensions: { code } }] }));
    });
  }

  private requestCosts(request: FastifyRequest): OperationCosts {
    const params = (request.method === 'GET' ? request.query : request.body) as GraphqlRequestBody | undefined;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return { graphql: 1 };
    let variables = params.variables;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables);
      } catch {
        variables = undefined;
      }
    }
    return this.costs.costs(params.query, params.operationName, variables);
  }

  /** Takes every class's cost; the longest wait of a class over its budget, else 0. */
  private take(client: string, costs: OperationCosts): number {
    let wait = 0;
    for (const [kind, cost] of Object.entries(costs) as [RateLimitClass, number][]) {
      wait = Math.max(wait, this.limiters.get(kind)?.take(client, Date.now(), cost) ?? 0);
    }
    return wait;
  }

  /** Answers 429 with Retry-After; the hook returns the reply so that nothing after it runs. */
  private refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    seconds: number,
    body: (message: string, code: string) => unknown,
  ): FastifyReply {
    const error = new RateLimitedError('rate limit spent', { seconds });
    const lang = this.i18n.resolveLeniently(undefined, request.headers['accept-language']);
    return reply
      .status(error.httpStatus)
      .headers({ 'retry-after': String(seconds) })
      .send(body(this.i18n.errorMessage(error.code, error.params, lang), error.code));
  }
}
