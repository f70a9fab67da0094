import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LiveHeapWatch } from './live-heap.js';
import { BoundedLabel, codeLabel, msgTypeLabel, partnerLabel } from './label-values.js';
import { nodeLogger } from './node-logger.js';
import { noteMessage, parseTraceparent, type RequestContext } from '@ots/request-context';
import { startSpan } from './tracing.js';

/** One sample of a gauge read at scrape time. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/** An outgoing message as the recorder needs it. */
export interface OutgoingMessage {
  recipient: string;
  msgType: string;
  jti: string;
  createdAt: Date;
  traceParent?: string | null;
}

/** An incoming message once verified. */
export interface IncomingMessage {
  iss: string;
  jti: string;
  msg_type: string;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The node's metrics (Prometheus, `ots_` prefix, base units) and the one place services report what happened:
 * each call is one line in the service (`recorder.documentIssued(type)`), labelled only by partner country,
 * `msg_type`, document type and reason or error codes, never by a person, message, token or document.
 * Gauges that are cheaper to read than to keep (the outbox backlog, anchors by status, certificate expiry)
 * are registered with `gaugeAtScrape` and computed when Prometheus asks. docs/monitoring.md lists them all.
 */
@Injectable()
export class MetricsRecorder implements OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly partner = partnerLabel();
  private readonly msgType = msgTypeLabel();
  private readonly code = codeLabel();
  private readonly docType = new BoundedLabel(/^[a-z][a-z0-9.-]{0,47}$/, 64);
  private readonly operation = new BoundedLabel(/^[A-Za-z_][A-Za-z0-9_+]{0,95}$/, 200);

  private readonly sent = this.counter('ots_messages_sent_total', 'Delivery attempts of outgoing messages.', ['partner', 'msg_type']);
  private readonly delivered = this.counter(
    'ots_messages_delivered_total',
    'Outgoing messages the partner acknowledged with a valid receipt.',
    ['partner', 'msg_type'],
  );
  private readonly refused = this.counter('ots_messages_refused_total', 'Outgoing messages the partner refused, by its refusal code.', [
    'partner',
    'msg_type',
    'reason',
  ]);
  private readonly sendErrors = this.counter(
    'ots_message_send_errors_total',
    'Delivery attempts that failed without a refusal (unreachable, bad answer, bad receipt), by error code.',
    ['partner', 'msg_type', 'code'],
  );
  private readonly dead = this.counter('ots_messages_dead_total', 'Outgoing messages parked as dead for an admin.', [
    'partner',
    'msg_type',
    'code',
  ]);
  private readonly received = this.counter('ots_messages_received_total', 'Incoming messages accepted and processed.', [
    'partner',
    'msg_type',
  ]);
  private readonly duplicates = this.counter(
    'ots_messages_duplicate_total',
    'Incoming messages that repeated one already processed (answered with the first receipt).',
    ['partner', 'msg_type'],
  );
  private readonly deliveryLatency = new Histogram({
    name: 'ots_message_delivery_seconds',
    help: 'Time from enqueueing an outgoing message to its verified receipt.',
    labelNames: ['partner', 'msg_type'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly issued = this.counter('ots_documents_issued_total', 'Documents this node issued.', ['doc_type']);
  private readonly verified = this.counter('ots_document_verifications_total', 'Document verifications, by PROTOCOL reason.', ['reason']);
  private readonly fetchFailures = this.counter(
    'ots_partner_fetch_failures_total',
    "Failed fetches of a partner's published statements (kind: status_list, entity_configuration).",
    ['partner', 'kind'],
  );
  private readonly graphqlOperations = new Histogram({
    name: 'ots_graphql_operation_seconds',
    help: 'GraphQL operations by operation name and outcome (OK or the error code), with their duration.',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly liveHeap = new LiveHeapWatch();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.liveHeap.start();
    this.gaugeAtScrape(
      'ots_heap_live_bytes',
      'V8 heap in use right after the last full garbage collection: flat unless something leaks.',
      [],
      () => (this.liveHeap.liveBytes === undefined ? [] : [{ value: this.liveHeap.liveBytes }]),
    );
  }

  onApplicationShutdown(): void {
    this.liveHeap.stop();
    this.registry.clear();
  }

  /** A counter of one's own, for a domain this recorder does not know yet: `recorder.counter('ots_x_total', '...', ['partner'])`. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }

  /** A gauge computed when Prometheus scrapes; `collect` returns every sample (a failing one reports none). */
  gaugeAtScrape(name: string, help: string, labelNames: readonly string[], collect: () => Promise<GaugeSample[]> | GaugeSample[]): void {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        let samples: GaugeSample[];
        try {
          samples = await collect();
        } catch (err) {
          nodeLogger()?.with('warn', { metric: name }, `metric ${name} could not be read: ${(err as Error).message}`);
          return;
        }
        for (const { labels, value } of samples)
          if (labels) this.set(labels, value);
          else this.set(value);
      },
    });
  }

  /** The Prometheus text exposition of every metric. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  // --- outgoing messages ----------------------------------------------------------------------------

  /**
   * Runs one send of `message` with a context of its own, given to `send` for its log lines (`iss`, `jti` and a
   * traceparent in the trace of the request that enqueued it) and for the partner call, which passes it on.
   */
  sending<T>(iss: string, message: OutgoingMessage, send: (context: RequestContext) => Promise<T>): Promise<T> {
    const parent = parseTraceparent(message.traceParent);
    const span = startSpan(`send ${message.msgType}`, 'client', parent);
    const context: RequestContext = { iss, jti: message.jti, trace: span.ids, ...(parent ? { parentSpanId: parent.spanId } : {}) };
    this.sent.inc({ partner: this.partner.of(message.recipient), msg_type: this.msgType.of(message.msgType) });
    return send(context).finally(() => span.end({ attributes: { 'ots.partner': message.recipient, 'ots.msg_type': message.msgType } }));
  }

  messageDelivered(message: OutgoingMessage, context?: RequestContext): void {
    const labels = { partner: this.partner.of(message.recipient), msg_type: this.msgType.of(message.msgType) };
    this.delivered.inc(labels);
    this.deliveryLatency.observe(labels, Math.max(0, (Date.now() - message.createdAt.getTime()) / 1000));
    nodeLogger()?.with('info', { partner: message.recipient, msgType: message.msgType }, 'message delivered', context);
  }

  /** A failed attempt: refused by the partner (`refusal` set) or failed on the way (`code`). */
  messageFailed(message: OutgoingMessage, code: string, refusal: string | undefined, context?: RequestContext): void {
    const labels = { partner: this.partner.of(message.recipient), msg_type: this.msgType.of(message.msgType) };
    if (refusal) this.refused.inc({ ...labels, reason: this.code.of(refusal) });
    else this.sendErrors.inc({ ...labels, code: this.code.of(code) });
    nodeLogger()?.with(
      'info',
      { partner: message.recipient, msgType: message.msgType, code: refusal ?? code },
      'message not delivered',
      context,
    );
  }

  messageDead(message: OutgoingMessage, code: string): void {
    this.dead.inc({ partner: this.partner.of(message.recipient), msg_type: this.msgType.of(message.msgType), code: this.code.of(code) });
  }

  // --- incoming messages ----------------------------------------------------------------------------

  /** The message is verified: from here on the request's log lines name its `iss` and `jti`. */
  messageVerified(message: IncomingMessage, context?: RequestContext): void {
    noteMessage(context, message.iss, message.jti);
  }

  messageReceived(message: IncomingMessage, context?: RequestContext): void {
    this.received.inc({ partner: this.partner.of(message.iss), msg_type: this.msgType.of(message.msg_type) });
    const parent = context?.parentSpanId ? { parentSpanId: context.parentSpanId } : {};
    nodeLogger()?.with('info', { partner: message.iss, msgType: message.msg_type, ...parent }, 'message received', context);
  }

  duplicateReceived(message: IncomingMessage): void {
    this.duplicates.inc({ partner: this.partner.of(message.iss), msg_type: this.msgType.of(message.msg_type) });
  }

  // --- documents, partners, GraphQL -----------------------------------------------------------------

  documentIssued(docType: string, count = 1): void {
    this.issued.inc({ doc_type: this.docType.of(docType) }, count);
  }

  documentVerified(reason: string): void {
    this.verified.inc({ reason: this.code.of(reason) });
  }

  partnerFetchFailed(partner: string, kind: 'status_list' | 'entity_configuration'): void {
    this.fetchFailures.inc({ partner: this.partner.of(partner), kind });
  }

  graphqlOperation(operation: string | undefined, outcome: string | undefined, seconds: number): void {
    this.graphqlOperations.observe({ operation: this.operation.of(operation), outcome: this.code.of(outcome ?? 'OK') }, seconds);
  }
}
