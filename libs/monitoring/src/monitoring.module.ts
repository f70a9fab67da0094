import { Module } from '@nestjs/common';
import { KeysModule } from '@ots/keys';
import { Diagnostics } from './diagnostics.js';
import { DiagnosticsResolver } from './diagnostics.resolver.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRecorder } from './metrics-recorder.js';
import { NodeChecks } from './node.checks.js';
import { RequestTelemetry } from './request-telemetry.js';

/**
 * Operational monitoring: the metrics recorder and `/metrics`, the request context that log lines and partner
 * calls carry, and the self-checks behind `diagnostics` and `fedctl doctor`. Domains import it to record
 * (`MetricsRecorder`) and to register their own checks (`Diagnostics`); docs/monitoring.md.
 */
@Module({
  imports: [KeysModule],
  providers: [MetricsRecorder, Diagnostics, NodeChecks, RequestTelemetry, DiagnosticsResolver],
  controllers: [MetricsController],
  exports: [MetricsRecorder, Diagnostics],
})
export class MonitoringModule {}
