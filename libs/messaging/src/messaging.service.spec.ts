import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedMessage } from '../../../test/support/envelopes.js';
import { startMessagingNode, trust, type MessagingNode } from '../../../test/support/messaging-nodes.js';
import { InboxMessageEntity, OutboxMessageEntity } from './message.entities.js';
import type { MsgType } from './message-types.js';
import { MessageHandlerConflictError, MessageRejectedError } from './messaging.errors.js';

describe('MessagingService.receive on SQLite', () => {
  let kz: MessagingNode;
  let tr: MessagingNode;
  let handled = 0;
  beforeAll(async () => {
    [kz, tr] = await Promise.all([startMessagingNode('KZ'), startMessagingNode('TR')]);
    await trust(tr, kz);
    // Answers every status message with one of its own, in the transaction that records the message.
    tr.messaging.registerHandler('application.status', (message) => {
      handled += 1;
      return Promise.resolve(async (manager) => {
        await tr.messaging.enqueue(manager, 'KZ', 'application.status', { answering: message.jti });
      });
    });
  });
  afterAll(async () => Promise.all([kz?.close(), tr?.close()]));

  const fromKz = (msgType: MsgType, jti?: string, now?: number) => {
    const { kid, publicJwk } = tr.keys.currentEncryptionKey();
    return sealedMessage({
      from: 'KZ',
      to: 'TR',
      signer: kz.keys.currentSigner(),
      recipientKey: { ...publicJwk, kid },
      msgType,
      body: { applicationId: 'app-1' },
      jti,
      now,
    });
  };
  const inbox = (jti: string) => tr.dataSource.getRepository(InboxMessageEntity).countBy({ iss: 'KZ', jti });

  it('answers a repeat, a concurrent duplicate and a re-signed envelope of the same jti with the first receipt, and applies it once', async () => {
    const jti = 'spec-duplicate-1';
    const message = await fromKz('application.status', jti);
    const before = handled;
    const [first, concurrent] = await Promise.all([tr.messaging.receive(message), tr.messaging.receive(message)]);
    expect(concurrent).toBe(first);
    expect(await tr.messaging.receive(message)).toBe(first);
    const resigned = await fromKz('application.status', jti, Math.floor(Date.now() / 1000) + 5);
    expect(resigned).not.toBe(message);
    expect(await tr.messaging.receive(resigned)).toBe(first);
    expect(await inbox(jti)).toBe(1);
    const replies = await tr.dataSource.getRepository(OutboxMessageEntity).findBy({ recipient: 'KZ' });
    expect(replies.filter((r) => r.body.answering === jti)).toHaveLength(1);
    // The handler's checks may run for a duplicate; its write committed once.
    expect(handled - before).toBeGreaterThanOrEqual(1);
  });

  it('refuses a message whose msg_type has no handler (MESSAGE_UNHANDLED), audits it, and records nothing', async () => {
    const message = await fromKz('tax.residence-certificate', 'spec-unhandled-1');
    const refusal = tr.messaging.receive(message);
    await expect(refusal).rejects.toBeInstanceOf(MessageRejectedError);
    await expect(refusal).rejects.toMatchObject({ code: 'MESSAGE_UNHANDLED', params: { msgType: 'tax.residence-certificate' } });
    expect(await inbox('spec-unhandled-1')).toBe(0);
    const audited = (await tr.audit.list({ first: 100 })).edges.map((e) => e.node);
    const entry = audited.find((e) => e.action === 'message.refused' && e.subject === 'UNHANDLED');
    expect(entry?.actor).toBe('partner:KZ');
    expect(JSON.parse(String(entry?.details))).toMatchObject({ jti: 'spec-unhandled-1', msgType: 'tax.residence-certificate' });
  });

  it('fails when a second handler is registered for a msg_type, keeping the first', async () => {
    expect(() => tr.messaging.registerHandler('application.status', () => Promise.reject(new Error('never runs')))).toThrow(
      MessageHandlerConflictError,
    );
    const message = await fromKz('application.status', 'spec-after-conflict');
    await expect(tr.messaging.receive(message)).resolves.toEqual(expect.any(String));
    expect(await inbox('spec-after-conflict')).toBe(1);
  });
});
