import { defaultFederationConfigDir, loadFederationConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { unverifiedPayload } from '@ots/jws';
import { MetricsRecorder } from '@ots/monitoring';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMessagingNode, trust, type MessagingNode } from '../../../test/support/messaging-nodes.js';
import { sha256 } from './envelope.js';
import { OutboxMessageEntity } from './message.entities.js';
import type { EnvelopePayload, MsgType } from './message-types.js';
import { PartnerAnswerError, PartnerRefusedMessageError } from './messaging.errors.js';
import { OutboxBatchWriter } from './outbox-batch-writer.js';
import { LEASE_MS, OutboxClaimer } from './outbox-claimer.js';
import { OutboxSender } from './outbox-sender.js';
import type { MessageFailure } from './messaging.service.js';

/** A domain's refusal, as the destination's applications module throws one. */
class ServiceNotOpenSpecError extends OtsError {
  static override readonly code = 'SERVICE_NOT_OPEN';
  readonly code = ServiceNotOpenSpecError.code;
}

const federation = loadFederationConfig(defaultFederationConfigDir());

describe('the outbox on SQLite, sending to a partner over HTTP', () => {
  let kz: MessagingNode;
  let tr: MessagingNode;
  let claimer: OutboxClaimer;
  let sender: OutboxSender;
  let writer: OutboxBatchWriter;
  const watched: { jti: string; failure?: MessageFailure }[] = [];
  beforeAll(async () => {
    [kz, tr] = await Promise.all([startMessagingNode('KZ'), startMessagingNode('TR')]);
    await Promise.all([trust(kz, tr), trust(tr, kz)]);
    claimer = new OutboxClaimer(kz.dataSource, kz.keys, kz.config);
    sender = new OutboxSender(kz.partners, kz.config, federation, new MetricsRecorder());
    writer = new OutboxBatchWriter(kz.dataSource, kz.config, kz.audit, kz.messaging, new MetricsRecorder());
    // TR takes status messages and refuses those that say so; it has no handler for tax messages.
    tr.messaging.registerHandler('application.status', (message) => {
      if (message.body.refuse) throw new ServiceNotOpenSpecError('refused by the spec', { code: 'X' });
      return Promise.resolve(() => Promise.resolve());
    });
    kz.messaging.watchDeliveries('application.status', {
      undelivered: (_, message, failure) => {
        watched.push({ jti: message.jti, failure });
        return Promise.resolve({ actor: 'spec', action: 'spec.undelivered', subject: message.jti });
      },
      delivered: (_, message) => {
        watched.push({ jti: message.jti });
        return Promise.resolve(undefined);
      },
    });
  });
  afterAll(async () => Promise.all([kz?.close(), tr?.close()]));
  beforeEach(async () => {
    await kz.dataSource.getRepository(OutboxMessageEntity).clear();
    tr.override = undefined;
    watched.length = 0;
  });

  const enqueue = (count = 1, msgType: MsgType = 'application.status', body: Record<string, unknown> = {}) =>
    kz.messaging.transaction((m) =>
      kz.messaging.enqueueMany(
        m,
        'TR',
        msgType,
        Array.from({ length: count }, (_, i) => ({ ...body, i })),
      ),
    );
  const row = (id: string) => kz.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ id });
  const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
  const auditActions = async () => (await kz.audit.list({ first: 100 })).edges.map((e) => `${e.node.action} ${e.node.subject}`);

  it('leases what it claims: the row is not claimed again until the lease has passed, then with the same envelope', async () => {
    const [message] = await enqueue();
    const now = new Date();
    const [claimed] = await claimer.claim(10, now);
    expect(claimed?.id).toBe(message?.id);
    expect((await row(claimed?.id ?? '')).leaseUntil?.getTime()).toBe(now.getTime() + LEASE_MS);
    expect(await claimer.claim(10, later(now, LEASE_MS - 1000))).toEqual([]);
    const [again] = await claimer.claim(10, later(now, LEASE_MS + 1000));
    expect(again?.id).toBe(message?.id);
    expect(again?.envelope).toBe(claimed?.envelope);
    expect(again?.sentDigests).toEqual([sha256(claimed?.envelope ?? '')]);
  });

  it('signs the envelope afresh when the stored one is about to expire: same jti, new window, both digests kept', async () => {
    await enqueue();
    const now = new Date();
    const [first] = await claimer.claim(10, now);
    const [renewed] = await claimer.claim(10, later(now, 250_000));
    const before = unverifiedPayload<EnvelopePayload>(first?.envelope ?? '');
    const after = unverifiedPayload<EnvelopePayload>(renewed?.envelope ?? '');
    expect(renewed?.envelope).not.toBe(first?.envelope);
    expect(after.jti).toBe(before.jti);
    expect(after.iat).toBe(Math.floor(now.getTime() / 1000) + 250);
    expect(after.exp).toBe((after.iat ?? 0) + 300);
    const stored = await row(renewed?.id ?? '');
    // Stored before it leaves: a receipt for either envelope is recognised.
    expect(stored.envelope).toBe(renewed?.envelope);
    expect(stored.sentDigests).toEqual([sha256(first?.envelope ?? ''), sha256(renewed?.envelope ?? '')]);
  });

  it('delivers: the receipt is verified and stored with the outcome, and audited', async () => {
    const [message] = await enqueue();
    const [claimed] = await claimer.claim(10);
    const outcome = await sender.send(claimed);
    expect('receipt' in outcome).toBe(true);
    await writer.record(outcome);
    const stored = await row(message?.id ?? '');
    expect(stored).toMatchObject({ status: 'delivered', attempts: 1, leaseUntil: null, lastError: null });
    expect(stored.receipt).toBe('receipt' in outcome ? outcome.receipt : undefined);
    expect(await auditActions()).toContain(`message.sent ${message?.jti}`);
  });

  it.each([
    ['the domain does not accept it', 'application.status' as const, { refuse: true }, 'MESSAGE_NOT_ACCEPTED'],
    ['the partner has no handler for its msg_type', 'tax.tin-verification' as const, {}, 'MESSAGE_UNHANDLED'],
  ])('parks a message dead at once when %s', async (_, msgType, body, code) => {
    const [message] = await enqueue(1, msgType, body);
    const [claimed] = await claimer.claim(10);
    const outcome = await sender.send(claimed);
    expect('error' in outcome && outcome.error).toBeInstanceOf(PartnerRefusedMessageError);
    expect('error' in outcome && (outcome.error as PartnerRefusedMessageError).refusal).toBe(code);
    await writer.record(outcome);
    const stored = await row(message?.id ?? '');
    expect(stored).toMatchObject({ status: 'dead', attempts: 1, leaseUntil: null });
    expect(stored.lastError).toMatch(new RegExp(`^${code}: `));
    expect(await auditActions()).toContain(`message.dead ${message?.jti}`);
  });

  it('retries later when the partner answers something else (here HTTP 503)', async () => {
    tr.override = () => ({ status: 503, body: 'busy' });
    const [message] = await enqueue();
    const [claimed] = await claimer.claim(10);
    const outcome = await sender.send(claimed);
    expect('error' in outcome && outcome.error).toBeInstanceOf(PartnerAnswerError);
    await writer.record(outcome);
    const stored = await row(message?.id ?? '');
    expect(stored).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
    expect(stored.lastError).toMatch(/^PARTNER_BAD_ANSWER: \(HTTP 503\)/);
  });

  it('leaves the rows of a batch that failed to commit as they were: claimed again after the lease, then answered with the first receipts', async () => {
    const messages = await enqueue(3);
    const now = new Date();
    const claimed = await claimer.claim(10, now);
    expect(claimed).toHaveLength(3);
    const outcomes = await Promise.all(claimed.map((m) => sender.send(m)));
    const receipts = outcomes.map((o) => ('receipt' in o ? o.receipt : undefined));
    expect(receipts.every(Boolean)).toBe(true);
    await kz.dataSource.query(
      `CREATE TRIGGER spec_fail_delivered BEFORE UPDATE ON outbox_message WHEN NEW.status = 'delivered' BEGIN SELECT RAISE(ABORT, 'spec: the disk is full'); END`,
    );
    try {
      const written = await Promise.allSettled(outcomes.map((o) => writer.record(o)));
      expect(written.map((w) => w.status)).toEqual(['rejected', 'rejected', 'rejected']);
    } finally {
      await kz.dataSource.query('DROP TRIGGER spec_fail_delivered');
    }
    for (const message of messages) expect(await row(message.id)).toMatchObject({ status: 'pending', receipt: null, attempts: 0 });
    const audited = await auditActions();
    expect(messages.filter((m) => audited.includes(`message.sent ${m.jti}`))).toEqual([]);

    expect(await claimer.claim(10, later(now, 1000))).toEqual([]);
    const reclaimed = await claimer.claim(10, later(now, LEASE_MS + 1000));
    expect(reclaimed.map((m) => m.id).sort()).toEqual(messages.map((m) => m.id).sort());
    for (const outcome of await Promise.all(reclaimed.map((m) => sender.send(m)))) await writer.record(outcome);
    for (const [i, message] of messages.entries()) {
      // The partner had processed them: the resend is answered with the receipt it gave the first time.
      expect(await row(message.id)).toMatchObject({ status: 'delivered', receipt: receipts[i] });
    }
  });

  it("asks for refusals in the working language, reads the partner domain's code and tells the watcher", async () => {
    const [message] = await enqueue(1, 'application.status', { refuse: true });
    const [claimed] = await claimer.claim(10);
    await writer.record(await sender.send(claimed));
    expect(tr.deliveryLanguages.at(-1)).toBe('ru');
    expect(watched).toEqual([
      { jti: message?.jti, failure: { code: 'MESSAGE_NOT_ACCEPTED', reason: 'SERVICE_NOT_OPEN', detail: 'refused by the spec' } },
    ]);
    expect(await auditActions()).toContain(`spec.undelivered ${message?.jti}`);
  });

  it('tells the watcher when a message that failed before is delivered, and not for one delivered at its first attempt', async () => {
    const [first] = await enqueue();
    await writer.record(await sender.send((await claimer.claim(10))[0]));
    tr.override = () => ({ status: 503, body: 'busy' });
    const [second] = await enqueue();
    await writer.record(await sender.send((await claimer.claim(10))[0]));
    tr.override = undefined;
    const [again] = await claimer.claim(10, later(new Date(), 60_000));
    expect(again?.id).toBe(second?.id);
    await writer.record(await sender.send(again));
    expect(await row(second?.id ?? '')).toMatchObject({ status: 'delivered' });
    expect(watched).toEqual([{ jti: second?.jti }]);
    expect(first?.jti).not.toBe(second?.jti);
  });
});
