import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import {
  CLOCK_SKEW_SECONDS,
  partnerExchange,
  unverifiedPayload,
  verifyEntityConfiguration,
  type EntityConfigurationPayload,
} from '@ots/jws';
import { Diagnostics, MetricsRecorder, thresholdStatus, type CheckResult } from '@ots/monitoring';
import { JwsVerificationError } from '@ots/jws';
import type { TrustAnchorEntity } from './trust-anchor.entity.js';
import { TrustViewService } from './trust-view.service.js';

/** A clock difference over this warns; over the protocol's 60 s skew a partner's statements may be refused. */
export const CLOCK_WARN_SECONDS = 30;

/** What one probe of one partner found. */
export interface PartnerProbe {
  country: string;
  reachable: boolean;
  /** Why not reachable: the HTTP status or the network error. */
  unreachableBecause?: string;
  /** `ok` when the entity configuration verified against the pinned roots; else its PROTOCOL reason. */
  entityConfiguration?: string;
  /** Partner's clock minus ours, from its Date header, in seconds. */
  clockSkewSeconds?: number;
  statusList?: string;
  /** Seconds until the partner's signer certificate (from its accepted entity configuration) expires. */
  signerExpiresInSeconds?: number;
}

/**
 * Probes every active partner: its entity configuration (reachable, valid against the roots pinned here, its
 * Date header against this clock) and its status list endpoint. On a timer (PARTNER_PROBE_SECONDS) for the
 * `ots_partner_up` gauge and its alert, and afresh for each `diagnostics` run.
 */
@Injectable()
export class PartnerHealth implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartnerHealth.name);
  private readonly last = new Map<string, PartnerProbe>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: NodeConfig,
    private readonly trustView: TrustViewService,
    private readonly recorder: MetricsRecorder,
    private readonly diagnostics: Diagnostics,
  ) {}

  onModuleInit(): void {
    const fromProbes = (pick: (p: PartnerProbe) => number | undefined) => () =>
      [...this.last.values()].flatMap((p) => {
        const value = pick(p);
        return value === undefined ? [] : [{ labels: { partner: p.country }, value }];
      });
    this.recorder.gaugeAtScrape(
      'ots_partner_up',
      "1 when the partner's entity configuration answered at the last probe, else 0.",
      ['partner'],
      fromProbes((p) => (p.reachable ? 1 : 0)),
    );
    this.recorder.gaugeAtScrape(
      'ots_partner_clock_skew_seconds',
      "The partner's clock minus this node's, from its Date header at the last probe.",
      ['partner'],
      fromProbes((p) => p.clockSkewSeconds),
    );
    this.recorder.gaugeAtScrape(
      'ots_partner_certificate_expiry_seconds',
      "Seconds until the partner's signer certificate, as its accepted entity configuration announces it, expires.",
      ['partner'],
      async () =>
        (await this.trustView.anchors())
          .filter((a) => a.status === 'active')
          .flatMap((a) => {
            const seconds = signerExpiresIn(a);
            return seconds === undefined ? [] : [{ labels: { partner: a.country }, value: seconds }];
          }),
    );
    this.recorder.gaugeAtScrape('ots_trust_anchors', 'Trust anchors by status.', ['status'], async () => {
      const counts: Record<string, number> = { active: 0, suspended: 0, revoked: 0 };
      for (const anchor of await this.trustView.anchors()) counts[anchor.status] = (counts[anchor.status] ?? 0) + 1;
      return Object.entries(counts).map(([status, value]) => ({ labels: { status }, value }));
    });
    this.diagnostics.register({ id: 'partner', run: async () => (await this.probeAll()).flatMap(partnerChecks) });
  }

  onApplicationBootstrap(): void {
    if (this.config.partnerProbeSeconds === 0) return;
    const probe = () => void this.probeAll().catch((err: Error) => this.logger.warn(`partner probe failed: ${err.message}`));
    probe();
    this.timer = setInterval(probe, this.config.partnerProbeSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Probes every active partner at once; the results also feed the gauges. */
  async probeAll(): Promise<PartnerProbe[]> {
    const anchors = (await this.trustView.anchors()).filter((a) => a.status === 'active');
    const probes = await Promise.all(anchors.map((a) => this.probe(a)));
    for (const country of this.last.keys()) if (!anchors.some((a) => a.country === country)) this.last.delete(country);
    for (const probe of probes) this.last.set(probe.country, probe);
    return probes;
  }

  private async probe(anchor: TrustAnchorEntity): Promise<PartnerProbe> {
    const probe: PartnerProbe = { country: anchor.country, reachable: false, signerExpiresInSeconds: signerExpiresIn(anchor) };
    const url = `${anchor.baseUrl.replace(/\/+$/, '')}/.well-known/openid-federation`;
    const sentAt = Date.now();
    try {
      const answer = await partnerExchange(url, { signal: AbortSignal.timeout(this.config.partnerTimeoutMs), maxBytes: 256 * 1024 });
      if (answer.status !== 200) {
        probe.unreachableBecause = `HTTP ${answer.status}`;
        this.recorder.partnerFetchFailed(anchor.country, 'entity_configuration');
      } else {
        probe.reachable = true;
        const date = Date.parse(String(answer.headers.date ?? ''));
        if (Number.isFinite(date)) probe.clockSkewSeconds = Math.round((date - (sentAt + Date.now()) / 2) / 1000);
        probe.entityConfiguration = await this.verify(anchor, answer.body.toString('utf8').trim());
      }
    } catch (err) {
      probe.unreachableBecause = networkCause(err);
      this.recorder.partnerFetchFailed(anchor.country, 'entity_configuration');
    }
    if (probe.reachable) probe.statusList = await this.statusListAnswers(anchor);
    return probe;
  }

  private async verify(anchor: TrustAnchorEntity, jws: string): Promise<string> {
    const pinned = anchor.keys.filter((k) => k.status === 'active').map((k) => k.thumbprint);
    try {
      await verifyEntityConfiguration(jws, anchor.country, pinned, Math.floor(Date.now() / 1000));
      return 'ok';
    } catch (err) {
      return err instanceof JwsVerificationError ? err.reason : 'MALFORMED';
    }
  }

  /** The first list of the endpoint the partner announced; any signed answer (or 404 for no such list) will do. */
  private async statusListAnswers(anchor: TrustAnchorEntity): Promise<string> {
    try {
      const answer = await partnerExchange(`${anchor.statusListEndpoint}/1`, { signal: AbortSignal.timeout(this.config.partnerTimeoutMs) });
      if (answer.status === 200 || answer.status === 404) return 'ok';
      this.recorder.partnerFetchFailed(anchor.country, 'status_list');
      return `HTTP ${answer.status}`;
    } catch (err) {
      this.recorder.partnerFetchFailed(anchor.country, 'status_list');
      return networkCause(err);
    }
  }
}

/** One line per aspect of a partner, as fedctl doctor prints them. */
export function partnerChecks(p: PartnerProbe): CheckResult[] {
  const subject = p.country;
  if (!p.reachable) return [{ check: 'partner.reachable', status: 'fail', subject, detail: p.unreachableBecause }];
  const results: CheckResult[] = [{ check: 'partner.reachable', status: 'ok', subject }];
  results.push({
    check: 'partner.entity-configuration',
    status: p.entityConfiguration === 'ok' ? 'ok' : 'fail',
    subject,
    ...(p.entityConfiguration === 'ok' ? {} : { detail: p.entityConfiguration }),
  });
  if (p.clockSkewSeconds !== undefined)
    results.push({
      check: 'partner.clock',
      status: thresholdStatus(Math.abs(p.clockSkewSeconds), CLOCK_WARN_SECONDS, CLOCK_SKEW_SECONDS),
      subject,
      value: p.clockSkewSeconds,
    });
  results.push({
    check: 'partner.status-list',
    status: p.statusList === 'ok' ? 'ok' : 'fail',
    subject,
    ...(p.statusList === 'ok' ? {} : { detail: p.statusList }),
  });
  if (p.signerExpiresInSeconds !== undefined) {
    const days = Math.floor(p.signerExpiresInSeconds / 86_400);
    results.push({ check: 'partner.certificate', status: days < 0 ? 'fail' : days < 14 ? 'warn' : 'ok', subject, value: days });
  }
  return results;
}

function signerExpiresIn(anchor: TrustAnchorEntity): number | undefined {
  try {
    // Verified when the trust store accepted it; only its announced certificate's end is read here.
    const certificate = unverifiedPayload<EntityConfigurationPayload>(anchor.entityConfiguration).metadata?.ots_node
      ?.signer_certificates?.[0];
    const exp = certificate ? unverifiedPayload<{ exp: number }>(certificate).exp : undefined;
    return typeof exp === 'number' ? exp - Date.now() / 1000 : undefined;
  } catch {
    return undefined;
  }
}

function networkCause(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e.name === 'TimeoutError' ? 'timeout' : (e.code ?? e.message ?? String(err))).slice(0, 200);
}
