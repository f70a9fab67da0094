import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessageEntity } from '@ots/messaging';
import { CaseDeliveryWatcher } from './case-delivery.watcher.js';
import { HomeApplicationService } from './home-application.service.js';
import { caseAt, KZ_CITIZEN, WORK_FORM } from './testing/case-fixtures.js';
import { InProcessFederation, type InProcessNode } from './testing/in-process-federation.js';

const REFUSAL = {
  code: 'MESSAGE_NOT_ACCEPTED',
  reason: 'SERVICE_NOT_OPEN',
  detail: 'Сообщение получено, но не принято: SERVICE_NOT_OPEN.',
};

/** A citizen's case follows what became of its message, at KZ over a real SQLite database. */
describe(CaseDeliveryWatcher.name, () => {
  let federation: InProcessFederation;
  let kz: InProcessNode;
  let sut: CaseDeliveryWatcher;
  let home: HomeApplicationService;
  const citizen = () => kz.principal(KZ_CITIZEN, 'citizen');
  const applied = async (consent: string[] = []): Promise<OutboxMessageEntity> => {
    const application = await home.applyAbroad({ country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent }, citizen());
    const message = (await kz.outbox('application.submit')).find((m) => m.body.applicationId === application.id);
    if (!message) throw new Error('no submission in the outbox');
    return message;
  };

  beforeAll(async () => {
    federation = await InProcessFederation.start(['KZ', 'TR']);
    kz = federation.node('KZ');
    sut = kz.get(CaseDeliveryWatcher);
    home = kz.get(HomeApplicationService);
  });
  afterAll(async () => federation?.stop());

  it('parks the case as undelivered with the refusal, and resumes it only when that very message is delivered', async () => {
    const message = await applied();
    const id = message.body.applicationId as string;
    const manager = kz.dataSource.manager;
    expect(await sut.undelivered(manager, message, REFUSAL)).toMatchObject({
      action: 'application.undelivered',
      subject: id,
      details: { code: 'MESSAGE_NOT_ACCEPTED', reason: 'SERVICE_NOT_OPEN' },
    });
    expect(await caseAt(kz, id)).toMatchObject({
      status: 'undelivered',
      failure: { messageId: message.id, msgType: 'application.submit', ...REFUSAL },
    });

    expect(await sut.delivered(manager, { ...message, id: 'another message' })).toBeUndefined();
    expect((await caseAt(kz, id)).status).toBe('undelivered');

    expect(await sut.delivered(manager, message)).toMatchObject({ action: 'application.delivered', details: { status: 'submitted' } });
    const resumed = await caseAt(kz, id);
    expect(resumed).toMatchObject({ status: 'submitted', failure: null });
    expect(resumed.timeline.map((e) => e.status)).toEqual(['submitted', 'undelivered', 'submitted']);
    // Delivered again (a repeat of the receipt): nothing left to resume.
    expect(await sut.delivered(manager, message)).toBeUndefined();
  });

  it('leaves alone a withdrawn case and a message that is not about one of its cases', async () => {
    const message = await applied();
    const id = message.body.applicationId as string;
    await home.withdraw({ id }, citizen());
    expect(await sut.undelivered(kz.dataSource.manager, message, REFUSAL)).toBeUndefined();
    expect((await caseAt(kz, id)).status).toBe('withdrawn');
    expect(await sut.undelivered(kz.dataSource.manager, { ...message, recipient: 'UZ' }, REFUSAL)).toBeUndefined();
    expect(await sut.undelivered(kz.dataSource.manager, { ...message, body: {} }, REFUSAL)).toBeUndefined();
  });

  it("resumes an undelivered case when the destination writes about it before the receipt is recorded, and refuses a partner's 'undelivered'", async () => {
    const message = await applied();
    const id = message.body.applicationId as string;
    await sut.undelivered(kz.dataSource.manager, message, REFUSAL);
    await kz.receiveFrom(federation.node('TR'), 'application.status', { applicationId: id, status: 'under-review' });
    const moved = await caseAt(kz, id);
    expect(moved).toMatchObject({ status: 'under-review', failure: null });
    expect(moved.timeline.map((e) => e.status)).toEqual(['submitted', 'undelivered', 'submitted', 'under-review']);
    await expect(
      kz.receiveFrom(federation.node('TR'), 'application.status', { applicationId: id, status: 'undelivered' }),
    ).rejects.toMatchObject({ code: 'MESSAGE_NOT_ACCEPTED' });
    expect((await caseAt(kz, id)).status).toBe('under-review');
  });

  it('parks a case under review whose evidence answer died, and resumes it under review', async () => {
    const submitted = await applied(['criminal-record-certificate']);
    const id = submitted.body.applicationId as string;
    const tr = federation.node('TR');
    await kz.receiveFrom(tr, 'application.status', { applicationId: id, status: 'under-review' });
    await kz.receiveFrom(tr, 'evidence.request', { applicationId: id, requestId: randomUUID(), docType: 'criminal-record-certificate' });
    const answer = (await kz.outbox('evidence.response')).find((m) => m.body.applicationId === id);
    expect((await caseAt(kz, id)).status).toBe('under-review');
    await sut.undelivered(kz.dataSource.manager, answer as OutboxMessageEntity, {
      code: 'PARTNER_UNREACHABLE',
      reason: null,
      detail: 'TR at http://...',
    });
    expect(await caseAt(kz, id)).toMatchObject({
      status: 'undelivered',
      failure: { msgType: 'evidence.response', code: 'PARTNER_UNREACHABLE' },
    });
    await sut.delivered(kz.dataSource.manager, answer as OutboxMessageEntity);
    expect((await caseAt(kz, id)).status).toBe('under-review');
  });
});
