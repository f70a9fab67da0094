import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Diagnostics, MetricsRecorder, thresholdStatus, type CheckResult, type GaugeSample } from '@ots/monitoring';
import { TrustAnchorEntity } from '@ots/trust';
import { OutboxMessageEntity } from './message.entities.js';

/** The oldest pending message warns past the alert's 5 minutes and fails past an hour. */
const OLDEST_WARN_SECONDS = 300;
const OLDEST_FAIL_SECONDS = 3600;
/** How long one reading serves the gauges of a scrape. */
const SCRAPE_READING_MS = 500;

interface PartnerOutbox {
  pending: number;
  dead: number;
  oldestPendingSeconds: number;
}

/**
 * The outbox as an operator watches it: what waits for each partner, since when, and what was parked as
 * dead; read when Prometheus scrapes or the doctor asks (two indexed queries), never kept up to date per message.
 */
@Injectable()
export class OutboxMonitoring implements OnModuleInit {
  private scraped?: { at: number; reading: Promise<Map<string, PartnerOutbox>> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: MetricsRecorder,
    private readonly diagnostics: Diagnostics,
  ) {}

  onModuleInit(): void {
    const gauge = (pick: (o: PartnerOutbox) => number) => async (): Promise<GaugeSample[]> =>
      [...(await this.forScrape())].map(([partner, outbox]) => ({ labels: { partner }, value: pick(outbox) }));
    this.recorder.gaugeAtScrape(
      'ots_outbox_backlog',
      'Outgoing messages waiting to be delivered, by partner.',
      ['partner'],
      gauge((o) => o.pending),
    );
    this.recorder.gaugeAtScrape(
      'ots_outbox_oldest_pending_age_seconds',
      'Age of the oldest message waiting for each partner (0 when none waits).',
      ['partner'],
      gauge((o) => o.oldestPendingSeconds),
    );
    this.recorder.gaugeAtScrape(
      'ots_outbox_dead',
      'Outgoing messages parked as dead for an admin, by partner.',
      ['partner'],
      gauge((o) => o.dead),
    );
    this.diagnostics.register({ id: 'outbox', run: () => this.checks() });
  }

  private async checks(): Promise<CheckResult[]> {
    const outboxes = [...(await this.byPartner()).values()];
    const pending = outboxes.reduce((n, o) => n + o.pending, 0);
    const dead = outboxes.reduce((n, o) => n + o.dead, 0);
    const oldest = Math.max(0, ...outboxes.map((o) => o.oldestPendingSeconds));
    return [
      {
        check: 'outbox.backlog',
        status: thresholdStatus(oldest, OLDEST_WARN_SECONDS, OLDEST_FAIL_SECONDS),
        value: pending,
        detail: `${Math.round(oldest)} s`,
      },
      { check: 'outbox.dead', status: dead > 0 ? 'warn' : 'ok', value: dead },
    ];
  }

  /** The three gauges of one scrape share one reading. */
  private forScrape(): Promise<Map<string, PartnerOutbox>> {
    const now = Date.now();
    if (!this.scraped || now - this.scraped.at > SCRAPE_READING_MS) this.scraped = { at: now, reading: this.byPartner() };
    return this.scraped.reading;
  }

  /** Every trusted partner (so that an empty outbox reads 0, not nothing), with what waits for it. */
  private async byPartner(): Promise<Map<string, PartnerOutbox>> {
    const outboxes = new Map<string, PartnerOutbox>();
    const entry = (partner: string): PartnerOutbox => {
      let outbox = outboxes.get(partner);
      if (!outbox) outboxes.set(partner, (outbox = { pending: 0, dead: 0, oldestPendingSeconds: 0 }));
      return outbox;
    };
    for (const { country } of await this.dataSource.getRepository(TrustAnchorEntity).find({ select: { country: true } })) entry(country);
    const repository = this.dataSource.getRepository(OutboxMessageEntity);
    const counts = await repository
      .createQueryBuilder('m')
      .select('m.recipient', 'recipient')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where({ status: In(['pending', 'dead']) })
      .groupBy('m.recipient')
      .addGroupBy('m.status')
      .getRawMany<{ recipient: string; status: 'pending' | 'dead'; count: string | number }>();
    for (const { recipient, status, count } of counts) entry(recipient)[status] = Number(count);
    for (const [recipient, outbox] of outboxes) {
      if (outbox.pending === 0) continue;
      const oldest = await repository.findOne({
        select: { id: true, createdAt: true },
        where: { recipient, status: 'pending' },
        order: { createdAt: 'ASC' },
      });
      if (oldest) outbox.oldestPendingSeconds = Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000);
    }
    return outboxes;
  }
}
