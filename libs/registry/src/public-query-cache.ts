import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { FederatedSearchService } from './federated-search.service.js';
import { RegistryService } from './registry.service.js';

/** Root fields whose answer depends only on the catalog version, the language and the query. */
const CATALOG_FIELDS = new Set(['services', 'service', 'categories', 'lifeEvents', '__typename']);
/** Root fields that also depend on the partners' snapshots. */
const FEDERATED_FIELDS = new Set([...CATALOG_FIELDS, 'federatedServices']);
const MAX_ENTRIES = 1000;
const MAX_QUERY_LENGTH = 8 * 1024;

type CachedRequest = FastifyRequest & { registryCacheKey?: string };

/**
 * Anonymous registry queries are most of what portals and partners send,
 * and their answer changes only with the registry version (and, for
 * federated search, with the partners' snapshots): the serialised response
 * is kept per (version, snapshots, Accept-Language, query, variables) and
 * sent again without running GraphQL. Anything else, and every request with
 * a bearer token, goes through GraphQL as usual.
 */
@Injectable()
export class PublicQueryCache implements OnModuleInit {
  private readonly kinds = new Map<string, QueryKind>();
  private readonly responses = new Map<string, string>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: RegistryService,
    private readonly federated: FederatedSearchService,
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
    if (typeof body?.query !== 'string' || body.query.length > MAX_QUERY_LENGTH) return undefined;
    const kind = this.kindOf(body.query);
    if (kind === 'other') return undefined;
    const federatedStamp = kind === 'federated' ? this.federated.freshStamp() : '';
    if (federatedStamp === undefined) return undefined;
    return `${this.registry.currentVersion}|${federatedStamp}|${request.headers['accept-language'] ?? ''}|${body.query}|${JSON.stringify(body.variables ?? null)}|${typeof body.operationName === 'string' ? body.operationName : ''}`;
  }

  private kindOf(query: string): QueryKind {
    let kind = this.kinds.get(query);
    if (kind === undefined) {
      kind = classify(query);
      if (this.kinds.size >= MAX_ENTRIES) this.kinds.clear();
      this.kinds.set(query, kind);
    }
    return kind;
  }
}

type QueryKind = 'catalog' | 'federated' | 'other';

function classify(query: string): QueryKind {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return 'other';
  }
  const fields = document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY
      ? d.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '...'))
      : ['!'],
  );
  if (fields.every((f) => CATALOG_FIELDS.has(f))) return 'catalog';
  if (fields.every((f) => FEDERATED_FIELDS.has(f))) return 'federated';
  return 'other';
}
