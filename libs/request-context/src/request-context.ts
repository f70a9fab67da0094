import { formatTraceparent, type TraceIds } from './trace-context.js';

/**
 * What the node knows about one piece of work, for its log lines and the partner calls made for it: the incoming
 * request (or outbox send), its trace position, and once known the GraphQL operation and the message (`iss`,
 * `jti`) it is about. Mutable on purpose: the operation name and the message are learned after the work started.
 *
 * Carried explicitly (on the HTTP request, into the message path) rather than in an AsyncLocalStorage: on Node 20
 * an AsyncLocalStorage installs promise hooks that run for every promise of the process, a cost on every
 * message (docs/benchmarks.md).
 */
export interface RequestContext {
  requestId?: string;
  trace: TraceIds;
  /** The span that started this one, when it came from a caller (an incoming `traceparent`). */
  parentSpanId?: string;
  operation?: string;
  /** The outcome of the GraphQL operation: OK, or the first error's code. */
  outcome?: string;
  iss?: string;
  jti?: string;
}

const CONTEXT = Symbol('ots.request-context');
type Carrier = { [CONTEXT]?: RequestContext };

/** Makes `context` the one of `carrier` (an HTTP request). */
export function attachContext(carrier: object, context: RequestContext): void {
  (carrier as Carrier)[CONTEXT] = context;
}

/** The context attached to `carrier`, undefined for none. */
export function contextOf(carrier: object | undefined): RequestContext | undefined {
  return carrier ? (carrier as Carrier)[CONTEXT] : undefined;
}

/** The `traceparent` of `context`, undefined without one. */
export function traceparentOf(context: RequestContext | undefined): string | undefined {
  return context ? formatTraceparent(context.trace) : undefined;
}

/** Says which message the work is about, so that its log lines carry `iss` and `jti`. */
export function noteMessage(context: RequestContext | undefined, iss: string, jti: string): void {
  if (context) Object.assign(context, { iss, jti });
}

/** Says which GraphQL operation the request runs. */
export function noteOperation(context: RequestContext | undefined, operation: string): void {
  if (context) context.operation = operation;
}

/** Says how the GraphQL operation ended (OK or an error code). */
export function noteOutcome(context: RequestContext | undefined, outcome: string): void {
  if (context) context.outcome = outcome;
}
