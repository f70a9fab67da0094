import { AsyncLocalStorage } from 'node:async_hooks';
import { formatTraceparent, type TraceIds } from './trace-context.js';

/**
 * What the node knows about the work under way, for every log line and partner call made while doing it:
 * the incoming request (or outbox send), its trace position, and once known the GraphQL operation and the
 * message (`iss`, `jti`) it is about. Mutable on purpose: the operation name and the message are learned
 * after the request started.
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

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` with `context` as the current one (and everything it starts asynchronously). */
export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The `traceparent` of the current work, undefined outside of any. */
export function currentTraceparent(): string | undefined {
  const context = storage.getStore();
  return context ? formatTraceparent(context.trace) : undefined;
}

/** Says which message the current work is about, so that its log lines carry `iss` and `jti`. */
export function noteMessage(iss: string, jti: string): void {
  const context = storage.getStore();
  if (context) Object.assign(context, { iss, jti });
}

/** Says which GraphQL operation the current request runs. */
export function noteOperation(operation: string): void {
  const context = storage.getStore();
  if (context) context.operation = operation;
}

/** Says how the current GraphQL operation ended (OK or an error code). */
export function noteOutcome(outcome: string): void {
  const context = storage.getStore();
  if (context) context.outcome = outcome;
}
