import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JWK } from 'jose';
import { NodeConfig } from '@ots/config';
import { signHistoricalKeys, type HistoricalKey, type KeyRevocationReason } from '@ots/jws';
import { KeyRotationService, KeyStore, RootKeyOfflineError } from '@ots/keys';
import type { LogEntryPayload } from './log-entry.js';
import { TransparencyLogService } from './transparency-log.service.js';

/**
 * Whole seconds, rounded up: a key is retired after the last thing it signed, so a document of the retirement's own
 * second was signed before it (verifiers count `iat >= revoked_at` as after).
 */
const seconds = (iso: unknown): number => Math.ceil(new Date(String(iso)).getTime() / 1000);

/**
 * The node's retired keys as OpenID Federation lists them, read from its own log: each `key.revoked` entry, with the
 * key its `key.added` entry recorded, `exp` (its certificate's end; a root's is its revocation) and `revoked`. A key
 * revoked twice keeps the graver reason.
 */
export function historicalKeysFromLog(entries: readonly Partial<LogEntryPayload>[]): HistoricalKey[] {
  const added = new Map<string, { jwk: JWK; exp?: number }>();
  const revoked = new Map<string, { revoked_at: number; reason: KeyRevocationReason }>();
  for (const entry of entries) {
    const kid = String(entry.subject);
    if (entry.event === 'key.added') added.set(kid, { jwk: entry.jwk as JWK, exp: typeof entry.exp === 'number' ? entry.exp : undefined });
    if (entry.event === 'key.revoked') {
      const reason = entry.reason === 'compromised' ? 'compromised' : 'superseded';
      if (revoked.get(kid)?.reason !== 'compromised') revoked.set(kid, { revoked_at: seconds(entry.revoked_at), reason });
    }
  }
  return [...revoked].flatMap(([kid, revocation]) => {
    const key = added.get(kid);
    return key ? [{ ...key.jwk, kid, exp: key.exp ?? revocation.revoked_at, revoked: revocation }] : [];
  });
}

/**
 * Serves the historical keys signed by the current root, re-signed only when the log has grown; with the root
 * offline, the list it signed last (a `revocation` key request, docs/key-requests.md).
 */
@Injectable()
export class HistoricalKeysService implements OnModuleInit {
  private cached?: { size: number; rootKid: string; jwt: string };

  constructor(
    private readonly log: TransparencyLogService,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly rotation: KeyRotationService,
  ) {}

  onModuleInit(): void {
    this.rotation.useHistoricalKeys(() => this.payload());
  }

  /** What the root signs: every revoked key the log records, as of now. */
  private async payload(): Promise<{ iss: string; iat: number; keys: HistoricalKey[] }> {
    return { iss: this.config.countryCode, iat: Math.floor(Date.now() / 1000), keys: historicalKeysFromLog(await this.log.payloads()) };
  }

  async current(): Promise<string> {
    if (this.keys.rootOffline) {
      const signed = this.keys.offlineHistoricalKeys;
      if (!signed) throw new RootKeyOfflineError('the historical keys are signed by a revocation key request while the root is away');
      return signed;
    }
    const { size } = await this.log.tree();
    const root = this.keys.signingRoot();
    if (this.cached?.size !== size || this.cached.rootKid !== root.kid) {
      const jwt = await signHistoricalKeys({
        country: this.config.countryCode,
        keys: historicalKeysFromLog(await this.log.payloads()),
        signingRoot: root,
        issuedAt: Math.floor(Date.now() / 1000),
      });
      this.cached = { size, rootKid: root.kid, jwt };
    }
    return this.cached.jwt;
  }
}
