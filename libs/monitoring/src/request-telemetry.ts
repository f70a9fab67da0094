import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MetricsRecorder } from './metrics-recorder.js';
import { nodeLogger } from './node-logger.js';
import { attachContext, parseTraceparent, type RequestContext } from '@ots/request-context';
import { startSpan, type StartedSpan } from './tracing.js';

interface Telemetry {
  context: RequestContext;
  span: StartedSpan;
  started: bigint;
}

const TELEMETRY = Symbol('ots.telemetry');
type Tracked = FastifyRequest & { [TELEMETRY]?: Telemetry };

/**
 * Gives every HTTP request its context (request id, trace position from the caller's `traceparent` or a new
 * trace), attached to the request for its log line and for the message it delivers or enqueues; counts GraphQL
 * operations with their duration once answered.
 */
@Injectable()
export class RequestTelemetry implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly recorder: MetricsRecorder,
  ) {}

  onModuleInit(): void {
    // Only on Fastify (the node's adapter); an app on another adapter (a bench baseline) gets no request context.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (typeof fastify?.addHook !== 'function') return;
    fastify.addHook('onRequest', (request: Tracked, _reply, done) => {
      const parent = parseTraceparent(request.headers.traceparent);
      const span = startSpan(`${request.method} ${request.url.split('?')[0] ?? ''}`, 'server', parent);
      const context: RequestContext = { requestId: request.id, trace: span.ids, ...(parent ? { parentSpanId: parent.spanId } : {}) };
      attachContext(request, context);
      request[TELEMETRY] = { context, span, started: process.hrtime.bigint() };
      done();
    });
    fastify.addHook('onResponse', (request: Tracked, reply, done) => {
      const telemetry = request[TELEMETRY];
      if (telemetry) this.finished(request, reply.statusCode, telemetry);
      done();
    });
  }

  private finished(request: FastifyRequest, status: number, { context, span, started }: Telemetry): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const path = request.url.split('?')[0] ?? '';
    if (path === '/graphql') {
      const outcome = context.outcome ?? (status < 400 ? 'OK' : `HTTP_${status}`);
      const operation = context.operation ?? operationNameOf(request.body);
      this.recorder.graphqlOperation(operation, outcome, seconds);
      span.end({
        ...(outcome === 'OK' ? {} : { error: outcome }),
        attributes: { 'http.status_code': status, 'graphql.operation.name': operation ?? '' },
      });
    } else {
      span.end({ ...(status >= 500 ? { error: `HTTP ${status}` } : {}), attributes: { 'http.status_code': status } });
    }
    // Who asked (a citizen's subject is a person id: the logger masks it).
    const subject = (request as FastifyRequest & { principal?: { subject?: string } }).principal?.subject;
    nodeLogger()?.with(
      'debug',
      { method: request.method, path, status, ms: Math.round(seconds * 1000), ...(subject ? { subject } : {}) },
      'request answered',
      context,
    );
  }
}

/** A request the GraphQL engine never ran (answered from the public cache, refused before): its declared name. */
function operationNameOf(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}
