import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { UnauthenticatedError } from '@ots/errors';
import { thresholdStatus } from './diagnostics.js';
import {
  attachContext,
  childOf,
  contextOf,
  formatTraceparent,
  noteMessage,
  operationLabel,
  parseTraceparent,
  traceparentOf,
} from '@ots/request-context';
import { BoundedLabel } from './label-values.js';
import { isLoopback, MetricsController } from './metrics.controller.js';
import { MetricsRecorder } from './metrics-recorder.js';
import { maskDeep, maskPersonIds } from './person-id-mask.js';

describe('trace context', () => {
  const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('reads and writes the W3C traceparent', () => {
    const ids = parseTraceparent(header);
    expect(ids).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' });
    expect(formatTraceparent(ids!)).toBe(header);
  });

  it.each([
    ['not a header', 'hello'],
    ['version ff', header.replace(/^00/, 'ff')],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['version 00 with more fields', `${header}-extra`],
    ['not a string', 42],
  ])('ignores %s', (_name, value) => expect(parseTraceparent(value)).toBeUndefined());

  it('accepts a later version by its first four fields', () => {
    expect(parseTraceparent(`01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future`)?.spanId).toBe('00f067aa0ba902b7');
  });

  it('continues the trace with a new span, or starts one', () => {
    const parent = parseTraceparent(header)!;
    const child = childOf(parent);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(parent.spanId);
    expect(childOf(undefined).traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never repeats an id across refills of its random pool', () => {
    // 4,096 pooled bytes: 3,000 spans in new traces use 72,000 of them, many refills, some straddling the end.
    const ids = Array.from({ length: 3000 }, () => childOf(undefined));
    expect(new Set(ids.map((i) => i.spanId)).size).toBe(ids.length);
    expect(new Set(ids.map((i) => i.traceId)).size).toBe(ids.length);
    expect(ids.every((i) => /^[0-9a-f]{16}$/.test(i.spanId) && /^[0-9a-f]{32}$/.test(i.traceId))).toBe(true);
  });

  it('travels with the request it is attached to, and learns the message on the way', () => {
    const request = {};
    const context = { trace: parseTraceparent(header)! };
    attachContext(request, context);
    noteMessage(contextOf(request), 'KZ', 'jti-1');
    expect(traceparentOf(contextOf(request))).toBe(header);
    expect(context).toMatchObject({ iss: 'KZ', jti: 'jti-1' });
    expect(contextOf({})).toBeUndefined();
    expect(traceparentOf(undefined)).toBeUndefined();
  });
});

describe('person id masking', () => {
  it('masks the number of a scheme-qualified person id as the issue shows', () => {
    expect(maskPersonIds('applicant KZ:IIN:900101300123 applied')).toBe('applicant KZ:IIN:9001******23 applied');
    expect(maskPersonIds('TR:TCKN:10000000146,AZ:FIN:5ABCD12')).toBe('TR:TCKN:1000*****46,AZ:FIN:5A****2');
  });

  it('leaves what is not a person id alone', () => {
    for (const text of ['urn:ots:node:KZ', 'KZ:STAFF:admin', 'at 10:42:17', 'msg_type application.submit'])
      expect(maskPersonIds(text)).toBe(text);
  });

  it('walks objects and errors', () => {
    expect(maskDeep({ a: ['KZ:IIN:900101300123'], b: 3 })).toEqual({ a: ['KZ:IIN:9001******23'], b: 3 });
    expect(maskDeep(new Error('no KZ:IIN:900101300123'))).toMatchObject({ message: 'no KZ:IIN:9001******23' });
  });
});

describe('labels', () => {
  it('counts what does not fit, or comes after the limit, as other', () => {
    const label = new BoundedLabel(/^[A-Z]{2}$/, 2);
    expect([label.of('KZ'), label.of('TR'), label.of('KG'), label.of('KZ'), label.of('kz'), label.of(undefined)]).toEqual([
      'KZ',
      'TR',
      'other',
      'KZ',
      'other',
      'other',
    ]);
  });

  it('names an operation by its name, else by its root fields', () => {
    expect(operationLabel(parse('query Node { node { country } }'))).toBe('Node');
    expect(operationLabel(parse('{ services { id } node { country } }'))).toBe('node+services');
    expect(operationLabel(parse('query A { a } query B { b }'), 'B')).toBe('B');
  });

  it('never puts a person id in a label', async () => {
    const recorder = new MetricsRecorder();
    recorder.graphqlOperation('KZ:IIN:900101300123', 'OK', 0.01);
    recorder.messageFailed(
      { recipient: 'KZ:IIN:900101300123', msgType: 'x', jti: 'j', createdAt: new Date() },
      'PARTNER_UNREACHABLE',
      undefined,
    );
    const text = await recorder.exposition();
    expect(text).not.toContain('900101300123');
    expect(text).toContain('ots_graphql_operation_seconds_count{operation="other",outcome="OK"} 1');
    recorder.onApplicationShutdown();
  });
});

describe('metrics access and thresholds', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, expected) => expect(isLoopback(address)).toBe(expected));

  it('grades a number against its thresholds', () => {
    expect([thresholdStatus(10, 30, 60), thresholdStatus(31, 30, 60), thresholdStatus(61, 30, 60)]).toEqual(['ok', 'warn', 'fail']);
  });
});

describe(MetricsController.name, () => {
  const federation = loadFederationConfig(defaultFederationConfigDir());
  const TOKEN = 'a-long-random-metrics-secret-0123456789';
  const config = loadNodeConfig(['--country', 'KZ'], { METRICS_TOKEN: TOKEN }, federation);
  const recorder = new MetricsRecorder();
  const sut = new MetricsController(recorder, config);
  const scrape = async (remoteAddress: string, authorization?: string) => {
    const sent: { status?: number; body?: unknown } = {};
    const reply = {
      header: () => reply,
      status: (status: number) => ((sent.status = status), reply),
      send: (body: unknown) => ((sent.body = body), reply),
    };
    await sut.metrics({ socket: { remoteAddress } } as never, authorization, reply as never);
    return sent;
  };

  it('answers loopback callers, and others only with METRICS_TOKEN', async () => {
    expect((await scrape('127.0.0.1')).body).toContain('# TYPE ots_messages_delivered_total counter');
    expect((await scrape('10.1.2.3', `Bearer ${TOKEN}`)).status).toBe(200);
    await expect(scrape('10.1.2.3')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(scrape('10.1.2.3', `Bearer ${TOKEN}x`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a short METRICS_TOKEN at start-up', () => {
    expect(() => loadNodeConfig(['--country', 'KZ'], { METRICS_TOKEN: 'short' }, federation)).toThrow(/METRICS_TOKEN: must be at least 32/);
  });
});
