import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTraceparent } from '@ots/request-context';
import { startSpan, startTracing, stopTracing } from './tracing.js';

describe('OpenTelemetry export', () => {
  afterEach(() => stopTracing());

  it('exports nothing and still continues the caller trace when it is off', () => {
    const parent = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const span = startSpan('GET /', 'server', parent);
    expect(span.ids.traceId).toBe(parent?.traceId);
    expect(span.ids.spanId).not.toBe(parent?.spanId);
  });

  it('sends the spans, with the ids the node logs and passes on, to the OTLP/HTTP endpoint', async () => {
    const bodies: { path: string; body: string }[] = [];
    const collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push({ path: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      startTracing(`http://127.0.0.1:${(collector.address() as AddressInfo).port}`, 'ots-node-KZ');
      const parent = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
      const span = startSpan('POST /graphql', 'server', parent);
      expect(span.ids.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      span.end({ attributes: { 'http.status_code': 200 } });
      await stopTracing();
      expect(bodies.map((b) => b.path)).toEqual(['/v1/traces']);
      const sent = bodies[0]?.body ?? '';
      expect(sent).toContain(span.ids.spanId);
      expect(sent).toContain('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(sent).toContain('ots-node-KZ');
    } finally {
      collector.close();
    }
  });
});
