import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { childOf, type TraceIds } from '@ots/request-context';

/** A span under way: its position in the trace, and how to end it. */
export interface StartedSpan {
  ids: TraceIds;
  end(outcome: { error?: string; attributes?: Record<string, string | number> }): void;
}

let tracer: Tracer | undefined;
let provider: NodeTracerProvider | undefined;

/**
 * Turns OpenTelemetry export on (OTEL_EXPORTER_OTLP_ENDPOINT): spans of incoming requests and outbox sends go
 * to the collector over OTLP/HTTP. Off, the node still makes and passes on W3C trace ids, it exports nothing.
 */
export function startTracing(endpoint: string, serviceName: string): void {
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
  tracer = provider.getTracer('ots-node');
}

export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
  tracer = undefined;
}

/**
 * Starts a span as a child of `parent` (a caller's traceparent, or the trace a message was enqueued in). With
 * export on, its ids are the SDK's, so that what the node logs and passes on is what the collector shows.
 */
export function startSpan(name: string, kind: 'server' | 'client' | 'internal', parent: TraceIds | undefined): StartedSpan {
  if (!tracer) return { ids: childOf(parent), end: () => undefined };
  const parentContext = parent
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: parent.traceId,
        spanId: parent.spanId,
        traceFlags: parent.flags === '00' ? TraceFlags.NONE : TraceFlags.SAMPLED,
        isRemote: true,
      })
    : ROOT_CONTEXT;
  const span: Span = tracer.startSpan(
    name,
    { kind: kind === 'server' ? SpanKind.SERVER : kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL },
    parentContext,
  );
  const context = span.spanContext();
  return {
    ids: { traceId: context.traceId, spanId: context.spanId, flags: (context.traceFlags & 1) === 1 ? '01' : '00' },
    end({ error, attributes }) {
      if (attributes) span.setAttributes(attributes);
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
      span.end();
    },
  };
}
