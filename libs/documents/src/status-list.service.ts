import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { partnerFetch, signCompact, verifySignedByChain, type IssuerTrust } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { MetricsRecorder } from '@ots/monitoring';
import type { DocumentPayload } from './document-types.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';
import {
  buildStatusBits,
  decodeStatusList,
  encodeStatusList,
  MAX_STATUS_LIST_JWS_BYTES,
  STATUS_LIST_TYP,
  statusBit,
} from './status-list.js';

/** Entries per list: 16 KiB raw, a few dozen bytes deflated while few are set. */
export const STATUS_LIST_CAPACITY = 1 << 17;
const FETCH_TIMEOUT_MS = 3000;

export type DocumentStatus = 'valid' | 'revoked' | 'unknown';

interface StatusListPayload {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  ttl: number;
  status_list: { bits: number; lst: string };
}

interface CachedList {
  bits: Uint8Array;
  expiresAt: number;
}

/**
 * Status lists (docs/protocol section 5): serves this node's own lists, signed by
 * its signer key, and reads partners' lists for verification, caching each
 * for at most `ttl` seconds (the partner's or this node's, the shorter).
 */
@Injectable()
export class StatusListService {
  private readonly logger = new Logger(StatusListService.name);
  private readonly ownLists = new Map<string, { jws: string; expiresAt: number }>();
  private readonly partnerLists = new Map<string, CachedList>();
  private readonly inFlight = new Map<string, Promise<CachedList>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly recorder: MetricsRecorder,
  ) {}

  get endpoint(): string {
    return `${this.config.publicBaseUrl}/status-lists`;
  }

  uriOf(listId: string): string {
    return `${this.endpoint}/${listId}`;
  }

  invalidate(listId: string): void {
    this.ownLists.delete(listId);
  }

  /** This node's list `listId` as a signed `statuslist+jwt`. */
  async ownList(listId: string): Promise<string | undefined> {
    if (!/^[1-9][0-9]{0,6}$/.test(listId)) return undefined;
    const now = Math.floor(Date.now() / 1000);
    const cached = this.ownLists.get(listId);
    if (cached && cached.expiresAt > now) return cached.jws;
    const revoked = await this.dataSource.getRepository(IssuedDocumentEntity).find({
      select: { statusIndex: true },
      where: { statusListId: listId, revokedAt: Not(IsNull()) },
    });
    const ttl = this.config.statusListTtlSeconds;
    const signer = this.keys.currentSigner();
    const payload: StatusListPayload = {
      iss: this.config.countryCode,
      sub: this.uriOf(listId),
      iat: now,
      exp: now + 2 * ttl,
      ttl,
      status_list: {
        bits: 1,
        lst: encodeStatusList(
          buildStatusBits(
            STATUS_LIST_CAPACITY,
            revoked.map((d) => d.statusIndex),
          ),
        ),
      },
    };
    const jws = await signCompact(
      { ...payload },
      { typ: STATUS_LIST_TYP, kid: signer.kid, trust_chain: [signer.certificate] },
      signer.privateJwk,
    );
    this.ownLists.set(listId, { jws, expiresAt: now + ttl });
    return jws;
  }

  /** The status of a verified document: from the database for this node's own, from the issuer's list otherwise. */
  async statusOf(payload: DocumentPayload, issuer: IssuerTrust): Promise<DocumentStatus> {
    const endpoint = issuer.statusListEndpoint;
    const { idx, uri } = payload.status.status_list;
    if (payload.iss === this.config.countryCode) {
      const own = await this.dataSource
        .getRepository(IssuedDocumentEntity)
        .findOne({ where: { jti: payload.jti }, select: { jti: true, revokedAt: true } });
      return own?.revokedAt ? 'revoked' : own ? 'valid' : 'unknown';
    }
    // Only the issuer's announced endpoint is ever fetched: a document cannot send the verifier elsewhere.
    if (!endpoint || !uri.startsWith(`${endpoint}/`)) return 'unknown';
    try {
      const list = await this.partnerList(uri, issuer);
      return statusBit(list.bits, idx) === 1 ? 'revoked' : 'valid';
    } catch (err) {
      this.recorder.partnerFetchFailed(issuer.country, 'status_list');
      this.logger.warn(`status list ${uri} unusable: ${(err as Error).message}`);
      return 'unknown';
    }
  }

  private async partnerList(uri: string, issuer: IssuerTrust): Promise<CachedList> {
    const cached = this.partnerLists.get(uri);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = this.inFlight.get(uri);
    if (!pending) {
      pending = this.fetchList(uri, issuer).finally(() => this.inFlight.delete(uri));
      this.inFlight.set(uri, pending);
    }
    return pending;
  }

  private async fetchList(uri: string, issuer: IssuerTrust): Promise<CachedList> {
    const response = await partnerFetch(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), maxBytes: MAX_STATUS_LIST_JWS_BYTES });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    const parsed = await verifySignedByChain<StatusListPayload>((await response.text()).trim(), STATUS_LIST_TYP, issuer, 'doc', {
      maxBytes: MAX_STATUS_LIST_JWS_BYTES,
    });
    const now = Math.floor(Date.now() / 1000);
    const p = parsed.payload;
    if (p.sub !== uri || p.iss !== issuer.country) throw new Error('status list names another list or issuer');
    if (!Number.isInteger(p.exp) || p.exp <= now) throw new Error('status list has expired');
    if (p.status_list?.bits !== 1) throw new Error('only 1-bit status lists are understood');
    const ttl = Math.min(Number.isInteger(p.ttl) && p.ttl > 0 ? p.ttl : this.config.statusListTtlSeconds, this.config.statusListTtlSeconds);
    const list = { bits: decodeStatusList(p.status_list.lst), expiresAt: Date.now() + ttl * 1000 };
    this.partnerLists.set(uri, list);
    return list;
  }
}
