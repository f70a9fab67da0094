import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Diagnostics, MetricsRecorder, type CheckResult, type GaugeSample } from '@ots/monitoring';
import { TransparencyAlarmService } from './transparency-alarm.service.js';

/**
 * Open fork alarms as an operator watches them: a gauge per country whose log forked (read at scrape time) and a
 * doctor check that fails while any is open, since the partner's new root keys are refused until an admin acts.
 */
@Injectable()
export class TransparencyMonitoring implements OnModuleInit {
  constructor(
    private readonly alarms: TransparencyAlarmService,
    private readonly recorder: MetricsRecorder,
    private readonly diagnostics: Diagnostics,
  ) {}

  onModuleInit(): void {
    this.recorder.gaugeAtScrape(
      'ots_transparency_alarms_open',
      'Open transparency alarms (a forked or rewritten key log), by the country whose log it is.',
      ['country'],
      () => this.openByCountry(),
    );
    this.diagnostics.register({ id: 'transparency', run: () => this.checks() });
  }

  private async openByCountry(): Promise<GaugeSample[]> {
    const { byCountry } = await this.alarms.state();
    return Object.entries(byCountry).map(([country, value]) => ({ labels: { country }, value }));
  }

  private async checks(): Promise<CheckResult[]> {
    const { open, countries } = await this.alarms.state();
    return [
      {
        check: 'transparency.alarms',
        status: open > 0 ? 'fail' : 'ok',
        subject: countries.join(', ') || undefined,
        value: open,
      },
    ];
  }
}
