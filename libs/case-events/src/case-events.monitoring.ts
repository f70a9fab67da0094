import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Diagnostics, MetricsRecorder, type CheckResult, type GaugeSample } from '@ots/monitoring';
import { CASE_EVENT_DELIVERY_STATUSES } from './case-event-types.js';
import { CaseEventsService } from './case-events.service.js';

/**
 * The case-event outbox as an operator watches it: deliveries by subscriber and state, read when Prometheus
 * scrapes (one grouped query), and a doctor check that warns while any delivery is dead.
 */
@Injectable()
export class CaseEventsMonitoring implements OnModuleInit {
  constructor(
    private readonly events: CaseEventsService,
    private readonly recorder: MetricsRecorder,
    private readonly diagnostics: Diagnostics,
  ) {}

  onModuleInit(): void {
    this.recorder.gaugeAtScrape(
      'ots_case_events',
      "Case-event deliveries to the country's case systems, by subscriber and state (pending, delivered, dead).",
      ['subscriber', 'status'],
      async (): Promise<GaugeSample[]> =>
        [...(await this.events.counts())].flatMap(([subscriber, counts]) =>
          CASE_EVENT_DELIVERY_STATUSES.map((status) => ({ labels: { subscriber, status }, value: counts[status] })),
        ),
    );
    this.diagnostics.register({ id: 'case-events', run: () => this.checks() });
  }

  private async checks(): Promise<CheckResult[]> {
    const counts = [...(await this.events.counts())];
    const dead = counts.reduce((n, [, c]) => n + c.dead, 0);
    const deadSubscribers = counts.filter(([, c]) => c.dead > 0).map(([name]) => name);
    return [
      {
        check: 'case-events.dead',
        status: dead > 0 ? 'warn' : 'ok',
        value: dead,
        ...(deadSubscribers.length > 0 ? { detail: deadSubscribers.join(', ') } : {}),
      },
    ];
  }
}
