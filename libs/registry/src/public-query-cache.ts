import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, parse, type DocumentNode } from 'graphql';
import { RegistryService } from './registry.service.js';

/** Root fields whose answer depends only on the catalog version, the language and the query. */
const CACHEABLE_FIELDS = new Set(['services', 'service', 'categories', 'lifeEvents', '__typename']);
const MAX_ENTRIES = 1000;
const MAX_QUERY_LENGTH = 8 * 1024;

type CachedRequest = FastifyRequest & { registryCacheKey?: string };

/**
 * Anonymous registry queries are most of what portals and partners send,
 * and their answer changes only with the registry version: the serialised
 * response is kept per (version, Accept-Language, query, variables) and
 * sent again without running GraphQL. Anything else, and every request with
 * a bearer token, goes through GraphQL as usual.
 */
@Injectable()
export class PublicQueryCache implements OnModuleInit {
  private readonly cacheable = new Map<string, boolean>();
  private readonly responses = new Map<string, string>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: RegistryService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preHandler', async (request: CachedRequest, reply: FastifyReply) => {
      const key = this.keyOf(request);
      if (!key) return;
      const cached = this.responses.get(key);
      if (cached) {
        await reply.header('content-type', 'application/json; charset=utf-8').send(cached);
        return reply;
      }
      request.registryCacheKey = key;
      return undefined;
    });
    fastify.addHook('onSend', async (request: CachedRequest, reply: FastifyReply, payload: unknown) => {
      const key = request.registryCacheKey;
      if (key && reply.statusCode === 200 && typeof payload === 'string' && !payload.includes('"errors"')) {
        if (this.responses.size >= MAX_ENTRIES) this.responses.clear();
        this.responses.set(key, payload);
      }
      return payload;
    });
  }

  private keyOf(request: FastifyRequest): string | undefined {
    if (request.method !== 'POST' || !request.url.startsWith('/graphql') || request.headers.authorization) return undefined;
    const body = request.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (typeof body?.query !== 'string' || body.query.length > MAX_QUERY_LENGTH || !this.isCacheable(body.query)) return undefined;
    return `${this.registry.currentVersion}|${request.headers['accept-language'] ?? ''}|${body.query}|${JSON.stringify(body.variables ?? null)}|${String(body.operationName ?? '')}`;
  }

  private isCacheable(query: string): boolean {
    let known = this.cacheable.get(query);
    if (known === undefined) {
      known = onlyRegistryFields(query);
      if (this.cacheable.size >= MAX_ENTRIES) this.cacheable.clear();
      this.cacheable.set(query, known);
    }
    return known;
  }
}

function onlyRegistryFields(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  return document.definitions.every(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.operation === 'query' &&
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_FIELDS.has(s.name.value)),
  );
}
