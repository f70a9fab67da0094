import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { partnerFetch } from '@ots/jws';
import { InboxMessageEntity, OutboxMessageEntity } from '@ots/messaging';
import { TrustAnchorService } from '@ots/trust';

export interface MessageTally {
  pending: number;
  delivered: number;
  dead: number;
}

export interface PartnerOverview {
  country: string;
  baseUrl: string;
  trustStatus: string;
  refreshedAt: Date;
  reachable: boolean;
  /** Partner's clock minus this node's, in seconds, from its Date header; null when it did not answer. */
  clockDifferenceSeconds: number | null;
  outbound: MessageTally;
  /** Messages this node received from the partner and receipted. */
  inboundReceived: number;
}

export interface FederationOverview {
  country: string;
  publicBaseUrl: string;
  outbound: MessageTally;
  inboundReceived: number;
  partners: PartnerOverview[];
}

const PROBE_TIMEOUT_MS = 1500;

/**
 * This node and each partner at a glance, for the console's Federation page: trust, whether the partner answers
 * now, how far its clock is, and the messages each way. Partners are probed at once, each within a short timeout.
 */
@Injectable()
export class FederationOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NodeConfig,
    private readonly trust: TrustAnchorService,
  ) {}

  async overview(): Promise<FederationOverview> {
    const [anchors, outbound, inbound] = await Promise.all([this.trust.list(), this.outboundByPartner(), this.inboundByPartner()]);
    const partners = await Promise.all(
      anchors.map(async (anchor): Promise<PartnerOverview> => {
        const answer = await probe(anchor.baseUrl);
        return {
          country: anchor.country,
          baseUrl: anchor.baseUrl,
          trustStatus: anchor.status,
          refreshedAt: anchor.refreshedAt,
          ...answer,
          outbound: outbound.get(anchor.country) ?? emptyTally(),
          inboundReceived: inbound.get(anchor.country) ?? 0,
        };
      }),
    );
    const total = emptyTally();
    for (const tally of outbound.values()) for (const key of Object.keys(total) as (keyof MessageTally)[]) total[key] += tally[key];
    return {
      country: this.config.countryCode,
      publicBaseUrl: this.config.publicBaseUrl,
      outbound: total,
      inboundReceived: [...inbound.values()].reduce((a, b) => a + b, 0),
      partners,
    };
  }

  private async outboundByPartner(): Promise<Map<string, MessageTally>> {
    const rows = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .select('m.recipient', 'recipient')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.recipient')
      .addGroupBy('m.status')
      .getRawMany<{ recipient: string; status: keyof MessageTally; count: string | number }>();
    const byPartner = new Map<string, MessageTally>();
    for (const row of rows) {
      const tally = byPartner.get(row.recipient) ?? emptyTally();
      tally[row.status] = Number(row.count);
      byPartner.set(row.recipient, tally);
    }
    return byPartner;
  }

  private async inboundByPartner(): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .getRepository(InboxMessageEntity)
      .createQueryBuilder('m')
      .select('m.iss', 'iss')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.iss')
      .getRawMany<{ iss: string; count: string | number }>();
    return new Map(rows.map((r) => [r.iss, Number(r.count)]));
  }
}

const emptyTally = (): MessageTally => ({ pending: 0, delivered: 0, dead: 0 });

async function probe(baseUrl: string): Promise<{ reachable: boolean; clockDifferenceSeconds: number | null }> {
  const sent = Date.now();
  try {
    const response = await partnerFetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const midpoint = (sent + Date.now()) / 2;
    const date = Date.parse(response.headers.get('date') ?? '');
    return { reachable: response.ok, clockDifferenceSeconds: Number.isNaN(date) ? null : Math.round((date - midpoint) / 1000) };
  } catch {
    return { reachable: false, clockDifferenceSeconds: null };
  }
}
