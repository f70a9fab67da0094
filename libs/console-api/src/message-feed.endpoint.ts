import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestAuthenticator } from '@ots/identity';
import { MessageFeedService } from './message-feed.service.js';

const HEARTBEAT_MS = 15_000;
export const FEED_PATH = '/console/api/feed';

/**
 * `GET /console/api/feed`: the live feed as server-sent events, for admins only (the node checks the bearer token;
 * the page reads the stream with fetch, since EventSource cannot send one).
 */
@Injectable()
export class MessageFeedEndpoint implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: RequestAuthenticator,
    private readonly feed: MessageFeedService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(FEED_PATH, (request, reply) => this.open(request, reply));
  }

  private async open(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const authentication = await this.authenticator.authenticate(request);
    if (authentication.kind !== 'verified') {
      const code = authentication.kind === 'refused' ? authentication.error.code : 'UNAUTHENTICATED';
      return void reply.code(401).header('cache-control', 'no-store').send({ code });
    }
    if (!authentication.principal.roles.includes('admin')) {
      return void reply.code(403).header('cache-control', 'no-store').send({ code: 'FORBIDDEN' });
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      connection: 'keep-alive',
    });
    raw.write(': feed open\n\n');
    const unsubscribe = this.feed.subscribe((event) => raw.write(`event: message\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    request.raw.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}
