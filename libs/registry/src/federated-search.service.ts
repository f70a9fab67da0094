import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { FederationConfig, NodeConfig, type Language } from '@ots/config';
import { partnerFetch, verifySignedByChain } from '@ots/jws';
import { TrustViewService } from '@ots/trust';
import { CatalogIndex, type LocalizedService, type ServiceFilter } from './catalog-index.js';
import { catalogFileSchema, localeFileSchema } from './catalog.schema.js';
import { REGISTRY_SNAPSHOT_TYP, RegistryService, type RegistrySnapshotPayload } from './registry.service.js';

/** How a partner's part of a federated search went: `stale-cache` answered from its last snapshot. */
export const PARTNER_STATUSES = ['ok', 'stale-cache', 'timeout', 'untrusted', 'error'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export interface FederatedResult {
  items: LocalizedService[];
  partners: { country: string; status: PartnerStatus; version: number | null }[];
}

interface CachedSnapshot {
  etag: string;
  version: number;
  index: CatalogIndex;
  /** Until then the partner's own Cache-Control max-age says the copy is fresh: no request at all. */
  freshUntil: number;
}

const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;
const snapshotCatalogSchema = catalogFileSchema.extend({ texts: z.record(z.string(), localeFileSchema), retired: z.array(z.string()) });

class SnapshotTimeout extends Error {}
class SnapshotUntrusted extends Error {}

/**
 * One query over the whole federation: this node's catalog and every
 * active partner's signed snapshot, fetched concurrently with a per-partner
 * timeout, verified against the partner's trust anchor, and cached: fresh
 * for the partner's Cache-Control max-age, then revalidated by ETag (an
 * unchanged catalog costs one 304). A partner that fails never fails the
 * query.
 */
@Injectable()
export class FederatedSearchService {
  private readonly logger = new Logger(FederatedSearchService.name);
  private readonly cache = new Map<string, CachedSnapshot>();
  /** Merged answers, valid while every snapshot they were built from is still fresh and unchanged. */
  private readonly answers = new Map<string, { result: FederatedResult; basis: string; freshUntil: number }>();
  /** Identifies the current set of fresh snapshots, for response caches; undefined once any may be stale. */
  private stamp?: { value: string; freshUntil: number };

  constructor(
    private readonly registry: RegistryService,
    private readonly trustView: TrustViewService,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
  ) {
    trustView.onInvalidate(() => {
      this.answers.clear();
      this.stamp = undefined;
    });
  }

  /**
   * While every partner snapshot is fresh, federated answers depend only on
   * this value and the query: a response cache may key on it. Undefined as
   * soon as some snapshot needs asking again.
   */
  freshStamp(): string | undefined {
    return this.stamp && this.stamp.freshUntil > Date.now() ? this.stamp.value : undefined;
  }

  async search(filter: ServiceFilter, lang: Language): Promise<FederatedResult> {
    const anchors = (await this.trustView.anchors())
      .filter((a) => a.status === 'active')
      .sort((a, b) => a.country.localeCompare(b.country));
    const key = `${lang}|${JSON.stringify(filter)}`;
    const basis = this.basisOf(anchors.map((a) => a.country));
    const remembered = this.answers.get(key);
    if (remembered && remembered.basis === basis && remembered.freshUntil > Date.now()) return remembered.result;

    const [own, ...partners] = await Promise.all([
      this.registry.filter(filter, lang),
      ...anchors.map(async (anchor) => {
        const { status, snapshot } = await this.snapshotOf(anchor.country, anchor.baseUrl);
        return {
          country: anchor.country,
          status,
          version: snapshot?.version ?? null,
          items: snapshot ? snapshot.index.filter(filter, lang) : [],
        };
      }),
    ]);
    const result = {
      items: [...own, ...partners.flatMap((p) => p.items)],
      partners: partners.map(({ country, status, version }) => ({ country, status, version })),
    };
    if (partners.every((p) => p.status === 'ok')) {
      const freshUntil = Math.min(...anchors.map((a) => this.cache.get(a.country)?.freshUntil ?? 0));
      if (this.answers.size >= 1000) this.answers.clear();
      const builtOn = this.basisOf(anchors.map((a) => a.country));
      this.answers.set(key, { result, basis: builtOn, freshUntil });
      this.stamp = { value: `${builtOn}|${freshUntil}`, freshUntil };
    }
    return result;
  }

  /** What an answer depends on: this node's catalog version and each partner's snapshot. */
  private basisOf(countries: string[]): string {
    return [String(this.registry.currentVersion), ...countries.map((c) => `${c}:${this.cache.get(c)?.etag ?? '-'}`)].join('|');
  }

  /** One service of a partner's catalog, from its verified snapshot (revalidated now), or undefined. */
  async partnerService(country: string, code: string): Promise<LocalizedService | undefined> {
    const anchor = await this.trustView.anchor(country);
    if (!anchor || anchor.status !== 'active') return undefined;
    const { snapshot } = await this.snapshotOf(country, anchor.baseUrl);
    return snapshot?.index.get(code, 'en');
  }

  private async snapshotOf(country: string, baseUrl: string): Promise<{ status: PartnerStatus; snapshot?: CachedSnapshot }> {
    const cached = this.cache.get(country);
    if (cached && cached.freshUntil > Date.now()) return { status: 'ok', snapshot: cached };
    try {
      const fresh = await this.fetch(country, baseUrl, cached);
      this.cache.set(country, fresh);
      return { status: 'ok', snapshot: fresh };
    } catch (err) {
      if (err instanceof SnapshotUntrusted) {
        this.logger.warn(`registry snapshot of ${country} refused: ${err.message}`);
        return { status: 'untrusted' };
      }
      if (cached) return { status: 'stale-cache', snapshot: cached };
      return { status: err instanceof SnapshotTimeout ? 'timeout' : 'error' };
    }
  }

  private async fetch(country: string, baseUrl: string, cached: CachedSnapshot | undefined): Promise<CachedSnapshot> {
    let response: Response;
    try {
      response = await partnerFetch(`${baseUrl}/registry/snapshot`, {
        headers: cached ? { 'if-none-match': cached.etag } : {},
        signal: AbortSignal.timeout(this.config.partnerTimeoutMs),
      });
    } catch (err) {
      throw (err as Error).name === 'TimeoutError' ? new SnapshotTimeout(country) : err;
    }
    const freshUntil = Date.now() + maxAgeMs(response.headers.get('cache-control'));
    if (response.status === 304 && cached) return { ...cached, freshUntil };
    if (!response.ok) throw new Error(`${baseUrl} answered ${response.status}`);
    const body = await response.text();
    const issuer = (await this.trustView.current()).issuer(country);
    if (!issuer) throw new SnapshotUntrusted('no trust anchor');
    let payload: RegistrySnapshotPayload;
    try {
      ({ payload } = await verifySignedByChain<RegistrySnapshotPayload>(body.trim(), REGISTRY_SNAPSHOT_TYP, issuer, 'doc', {
        maxBytes: MAX_SNAPSHOT_BYTES,
      }));
    } catch (err) {
      throw new SnapshotUntrusted((err as Error).message);
    }
    const catalog = snapshotCatalogSchema.safeParse(payload.catalog);
    if (payload.iss !== country || !catalog.success || catalog.data.country !== country)
      throw new SnapshotUntrusted('the snapshot is not a catalog of this partner');
    const index = new CatalogIndex(
      { country, services: catalog.data.services, texts: catalog.data.texts },
      new Set(catalog.data.retired),
      (lang) => this.federation.fallbackChain(lang),
    );
    return { etag: response.headers.get('etag') ?? payload.etag, version: payload.version, index, freshUntil };
  }
}

/** `max-age` of a Cache-Control header in milliseconds, at most a minute; 0 when absent. */
function maxAgeMs(cacheControl: string | null): number {
  const seconds = Number(/max-age=(\d+)/.exec(cacheControl ?? '')?.[1] ?? 0);
  return Math.min(seconds, 60) * 1000;
}
