import { randomFillSync } from 'node:crypto';

/** A W3C Trace Context position (https://www.w3.org/TR/trace-context/): the trace, and the span within it. */
export interface TraceIds {
  traceId: string;
  spanId: string;
  /** The `trace-flags` byte; 01 = sampled. */
  flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * Reads a `traceparent` header; undefined for anything the specification says to ignore (bad shape, version
 * ff, an all-zero trace or span id). Versions above 00 are read by their first four fields, as it asks.
 */
export function parseTraceparent(header: unknown): TraceIds | undefined {
  if (typeof header !== 'string' || header.length > 512) return undefined;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return undefined;
  return { traceId, spanId, flags };
}

export function formatTraceparent(ids: TraceIds): string {
  return `00-${ids.traceId}-${ids.spanId}-${ids.flags}`;
}

// Every HTTP request and every message sent starts a span: one call into the CSPRNG per 512 span ids, not one
// each (that call was 1 % of a node's CPU in the message benchmark), as node:crypto's randomUUID does.
const POOL = Buffer.alloc(4096);
let poolOffset = POOL.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const hex = POOL.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return hex;
}

export const newTraceId = (): string => randomHex(16);
export const newSpanId = (): string => randomHex(8);

/** A new span: in the caller's trace when there is one, else in a new sampled trace. */
export function childOf(parent: TraceIds | undefined): TraceIds {
  return { traceId: parent?.traceId ?? newTraceId(), spanId: newSpanId(), flags: parent?.flags ?? '01' };
}
