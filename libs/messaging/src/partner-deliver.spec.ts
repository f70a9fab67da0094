import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerUnreachableError } from '@ots/trust';
import { PartnerAnswerError, PartnerRefusedMessageError } from './messaging.errors.js';
import { deliverToPartner, partnerClockNote } from './partner-deliver.js';

/** What the fake partner's endpoint answers, by path: the faults a real partner (or what sits before it) shows. */
const ANSWERS: Record<string, { status: number; type?: string; body: string; date?: string }> = {
  '/receipt': { status: 200, type: 'application/json', body: JSON.stringify({ data: { deliver: 'r.e.c' } }) },
  '/html': { status: 200, type: 'text/html; charset=utf-8', body: '<html><body>Maintenance</body></html>' },
  '/500': { status: 500, type: 'text/plain', body: 'Internal Server Error' },
  '/truncated': { status: 200, type: 'application/json', body: '{"data":{"deliver":"r.e' },
  '/empty': { status: 200, type: 'application/json', body: '{}' },
  '/expired': {
    status: 200,
    type: 'application/json',
    body: JSON.stringify({ data: null, errors: [{ message: 'the envelope has expired', extensions: { code: 'MESSAGE_EXPIRED' } }] }),
    date: new Date(Date.now() + 600_000).toUTCString(),
  },
};

describe(deliverToPartner.name, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/hang') return res.writeHead(200, { 'content-type': 'application/json' }).write('{"da');
        if (req.url === '/reset') return req.socket.resetAndDestroy();
        const answer = ANSWERS[req.url ?? ''] ?? { status: 404, body: '' };
        res.writeHead(answer.status, {
          ...(answer.type ? { 'content-type': answer.type } : {}),
          ...(answer.date ? { date: answer.date } : {}),
        });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const deliver = (path: string, timeoutMs = 1000) =>
    deliverToPartner({ country: 'TR', graphqlEndpoint: `${base}${path}` }, 'jwe', timeoutMs, 'ru');

  it('returns the receipt, with no clock note when the clocks agree', async () => {
    await expect(deliver('/receipt')).resolves.toEqual({ receipt: 'r.e.c', clockNote: '' });
  });

  it('says what came instead of a GraphQL answer', async () => {
    await expect(deliver('/html')).rejects.toThrow(new PartnerAnswerError('(HTTP 200): answered HTTP 200 text/html, not a GraphQL answer'));
    await expect(deliver('/500')).rejects.toThrow(new PartnerAnswerError('(HTTP 500): answered HTTP 500 text/plain, not a GraphQL answer'));
    await expect(deliver('/truncated')).rejects.toThrow(/answered HTTP 200 application\/json, not a GraphQL answer/);
    await expect(deliver('/empty')).rejects.toThrow(/answered HTTP 200 with neither a receipt nor an error/);
  });

  it('names the partner clock that is off when it refuses an envelope as expired', async () => {
    const refusal = await deliver('/expired').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(PartnerRefusedMessageError);
    expect((refusal as PartnerRefusedMessageError).refusal).toBe('MESSAGE_EXPIRED');
    expect((refusal as Error).message).toMatch(
      /^the envelope has expired \(the partner's clock is (599|600|601) s ahead of this node's\)$/,
    );
  });

  it('gives up on a partner that hangs after its headers or resets, within the timeout', async () => {
    const started = Date.now();
    const hang = await deliver('/hang', 300).catch((err: unknown) => err);
    expect(hang).toBeInstanceOf(PartnerUnreachableError);
    expect((hang as Error).message).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(deliver('/reset')).rejects.toThrow(PartnerUnreachableError);
  });
});

describe(partnerClockNote.name, () => {
  const now = new Date('2026-12-02T10:00:00Z');
  it('is empty within the protocol skew or without a Date, and says by how much otherwise', () => {
    expect(partnerClockNote(undefined, now)).toBe('');
    expect(partnerClockNote(new Date(now.getTime() + 60_000), now)).toBe('');
    expect(partnerClockNote(new Date(now.getTime() - 60_000), now)).toBe('');
    expect(partnerClockNote(new Date(now.getTime() + 61_000), now)).toBe(" (the partner's clock is 61 s ahead of this node's)");
    expect(partnerClockNote(new Date(now.getTime() - 600_000), now)).toBe(" (the partner's clock is 600 s behind this node's)");
  });
});
