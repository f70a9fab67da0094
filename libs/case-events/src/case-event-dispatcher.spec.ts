import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { compactVerify, createLocalJWKSet } from 'jose';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditModule } from '@ots/audit';
import { ConfigModule, defaultFederationConfigDir, loadFederationConfig, loadNodeConfig } from '@ots/config';
import { I18nModule } from '@ots/i18n';
import { KeysModule, KeyStore } from '@ots/keys';
import { MessagingModule, MessagingService } from '@ots/messaging';
import { PersistenceModule } from '@ots/persistence';
import { POSTGRES_URL, postgresTarget } from '../../../test/support/databases.js';
import { tempDataRoot } from '../../../test/support/processes.js';
import { CaseEventDeliveryEntity } from './case-event.entity.js';
import { CaseEventPublisher } from './case-event-publisher.js';
import { attachedJws, SIGNATURE_HEADER } from './case-event-signing.js';
import type { CaseEvent } from './case-event-types.js';
import { CaseEventsModule } from './case-events.module.js';
import { CaseEventsService } from './case-events.service.js';

const ADMIN = { subject: 'TR:ADMIN:1', roles: ['admin' as const], issuer: 'test' };
const checkAnswered = (requestId: string): CaseEvent => ({
  name: 'taxpayer-check-answered',
  subject: requestId,
  data: { requestId, country: 'KZ', valid: true, resident: false },
});

/** The case-event outbox against a real database: what a transaction publishes is delivered, signed, once. */
describe.each([
  ['SQLite', true],
  ['PostgreSQL', Boolean(POSTGRES_URL)],
])('case-event delivery on %s', (name, available) => {
  let app: INestApplication;
  let server: Server;
  let drop: (() => Promise<void>) | undefined;
  let answer = 204;
  const received: { body: Buffer; signature: string }[] = [];
  // KeyStore's constructor is private: Nest's `get` takes it as any class.
  const get = <T>(type: abstract new (...args: never[]) => T): T => app.get<T>(type as never);
  const rows = () => app.get<DataSource>(getDataSourceToken()).getRepository(CaseEventDeliveryEntity).find();
  const until = async (condition: () => Promise<boolean> | boolean) => {
    for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await condition()).toBe(true);
  };

  beforeAll(async () => {
    if (!available) return;
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        if (answer < 300) received.push({ body: Buffer.concat(chunks), signature: String(request.headers[SIGNATURE_HEADER]) });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const database = name === 'PostgreSQL' ? await postgresTarget() : undefined;
    drop = database ? () => database.drop() : undefined;
    const federation = loadFederationConfig(defaultFederationConfigDir());
    const config = loadNodeConfig(
      ['--country', 'TR'],
      {
        DATA_DIR: tempDataRoot('case-event-dispatcher'),
        LOG_LEVEL: 'error',
        OUTBOX_BASE_DELAY_MS: '10',
        DATABASE_URL: database?.databaseUrl,
      },
      federation,
    );
    mkdirSync(config.dataDir, { recursive: true });
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config, federation),
        I18nModule,
        PersistenceModule,
        AuditModule,
        KeysModule,
        MessagingModule,
        CaseEventsModule.forRoot([
          { name: 'ecase', url: `http://127.0.0.1:${port}/in`, types: ['taxpayer-check-answered'], timeoutMs: 2000, maxAttempts: 3 },
        ]),
      ],
    }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
    await drop?.();
  });

  it.runIf(available)(
    'delivers what a committed transaction published, signed with the node’s signer, and nothing of one that failed',
    async () => {
      const messaging = get(MessagingService);
      const publisher = get(CaseEventPublisher);
      await messaging.transaction((manager) => publisher.publish(manager, checkAnswered('q1'), checkAnswered('q2')));
      await expect(
        messaging.transaction(async (manager) => {
          await publisher.publish(manager, checkAnswered('q3'));
          throw new Error('the case change failed');
        }),
      ).rejects.toThrow('the case change failed');
      // Not a type this subscriber takes: nothing is queued for it.
      await messaging.transaction((manager) =>
        publisher.publish(manager, {
          name: 'tax-certificate-received',
          subject: 'c1',
          data: { certificateId: 'c1', issuerCountry: 'KZ', subject: 'KZ:IIN:1', taxYear: 2025 },
        }),
      );

      await until(async () => (await rows()).every((r) => r.status === 'delivered') && received.length === 2);
      expect((await rows()).map((r) => r.subject).sort()).toEqual(['q1', 'q2']);
      const keys = createLocalJWKSet({ keys: app.get<KeyStore>(KeyStore).publicJwks() });
      const subjects = [];
      for (const { body, signature } of received) {
        await compactVerify(attachedJws(signature, body), keys);
        subjects.push((JSON.parse(body.toString('utf8')) as { subject: string }).subject);
      }
      expect(subjects.sort()).toEqual(['q1', 'q2']);
    },
  );

  it.runIf(available)('parks an event the subscriber refuses, and delivers it once on retry under the same id', async () => {
    answer = 400;
    const messaging = get(MessagingService);
    await messaging.transaction((manager) => get(CaseEventPublisher).publish(manager, checkAnswered('q4')));
    await until(async () => (await rows()).find((r) => r.subject === 'q4')?.status === 'dead');
    const dead = (await rows()).find((r) => r.subject === 'q4') as CaseEventDeliveryEntity;
    expect(dead).toMatchObject({ attempts: 1, lastError: 'HTTP 400' });
    expect((await get(CaseEventsService).subscriberStates())[0]).toMatchObject({
      name: 'ecase',
      delivered: 2,
      dead: 1,
      lastError: 'HTTP 400',
    });

    answer = 204;
    expect(await get(CaseEventsService).retry('ecase', null, ADMIN)).toBe(1);
    await until(async () => (await rows()).find((r) => r.subject === 'q4')?.status === 'delivered');
    const last = received.at(-1) as { body: Buffer };
    expect(JSON.parse(last.body.toString('utf8'))).toMatchObject({ id: dead.eventId, subject: 'q4' });
    expect(received).toHaveLength(3);
    expect(await get(CaseEventsService).retry('ecase', null, ADMIN)).toBe(0);
  });
});
