import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeConfig } from '@ots/config';

export const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json';

/**
 * The media type a GraphQL answer goes out as (GraphQL over HTTP, section 6.4): the newer
 * `application/graphql-response+json` when the client's Accept header prefers it at least as much as
 * `application/json`, else `application/json`, which is also what a client without an Accept header gets.
 */
export function graphqlResponseMediaType(accept: string | undefined): string {
  if (!accept) return 'application/json';
  let graphqlResponse = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParameter = parameters.find((p) => p.startsWith('q='));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === GRAPHQL_RESPONSE_MEDIA_TYPE) graphqlResponse = Math.max(graphqlResponse, q);
    else if (type === 'application/json') json = Math.max(json, q);
  }
  return graphqlResponse > 0 && graphqlResponse >= json ? GRAPHQL_RESPONSE_MEDIA_TYPE : 'application/json';
}

/**
 * Headers every HTTP answer of the node carries, fit for an API: no content sniffing, no framing, no
 * referrer; answers to a request with credentials are never stored by a cache; over TLS, HSTS. GraphQL
 * answers get the media type the client asked for.
 */
@Injectable()
export class HttpAnswers implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const headers: Record<string, string> = {
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      ...(this.config.tls ? { 'strict-transport-security': 'max-age=31536000' } : {}),
    };
    const apiHeadersBesidesPolicy = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-security-policy'));
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      // A route with a policy of its own (the console's pages) keeps it; everything else gets the API's.
      const ownPolicy = reply.hasHeader('content-security-policy');
      void reply.headers(ownPolicy ? apiHeadersBesidesPolicy : headers);
      if (request.headers.authorization !== undefined) void reply.header('cache-control', 'no-store');
      if (request.url.startsWith('/graphql') && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
        const mediaType = graphqlResponseMediaType(request.headers.accept);
        if (mediaType !== 'application/json') void reply.header('content-type', `${mediaType}; charset=utf-8`);
      }
      return payload;
    });
  }
}
