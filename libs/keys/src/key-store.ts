import { join } from 'node:path';
import type { JWK } from 'jose';
import {
  issueSignerCertificate,
  MAX_CERTIFICATE_LIFETIME_SECONDS,
  toPublicJwk,
  type CertifiedUse,
  type KeyAgreementKey,
  type KeyRevocationReason,
  type SigningKey,
} from '@ots/jws';
import { ConfigError } from '@ots/config';
import type { GeneratedKey, KeyBackend } from './key-backend.js';
import { KeyFile, type KeyFileContents, type PendingKey, type StoredKey } from './key-file.js';
import { createKeyRequest, verifyKeyResponse, type KeyRequest } from './key-request.js';
import { KeyRequestInvalidError, RootKeyOfflineError } from './keys.errors.js';

/** A certificate is renewed when less than this is left of it. */
const RENEW_BEFORE_SECONDS = 30 * 24 * 3600;

export interface CertifiedKey {
  kid: string;
  /** The private key as the backend lends it: it signs, it never shows its bytes (they may be in a token). */
  privateJwk: SigningKey;
  publicJwk: JWK;
  certificate: string;
}

/** A key event for the audit log (libs/audit): what happened to which key; the caller names who did it. */
export interface KeyEvent {
  action: 'keys.generated' | 'keys.certified' | 'keys.migrated';
  kid: string;
  details: Record<string, unknown>;
}

/** Keys a root certifies; `log` signs the transparency log, so the root can stay offline while the log grows. */
const CERTIFIED_ROLES = ['signer', 'enc', 'log'] as const;
type CertifiedRole = (typeof CERTIFIED_ROLES)[number];

/** A key of the node as the transparency log records it: public parts and dates only. */
export interface KeyHistoryEntry {
  role: StoredKey['role'];
  kid: string;
  publicJwk: JWK;
  createdAt: string;
  retiredAt?: string;
  revocationReason?: KeyRevocationReason;
  certificate?: string;
  certificateExpiresAt?: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const publicOf = (k: StoredKey): JWK => (k.publicJwk as JWK | undefined) ?? toPublicJwk(k.privateJwk as JWK);

/**
 * The node's own keys (docs/protocol section 1): their public facts in `<dataDir>/keys.json` (mode 0600), their
 * private halves in the backend (the same file, encrypted under KEY_PASSPHRASE_FILE, or a PKCS #11 token).
 * Created on first start, kept across restarts. Nothing here hands out private key bytes: signing and key
 * agreement go through the backend's SigningKey / KeyAgreementKey.
 */
export class KeyStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Key events since the audit log last took them (keys are made before the database is open). */
  private events: KeyEvent[] = [];

  private constructor(
    private readonly file: KeyFile,
    private readonly backend: KeyBackend,
    private contents: KeyFileContents & { backend: 'file' | 'pkcs11' },
  ) {}

  /**
   * Opens the node's key file, creating the root, signer, encryption and log keys in the backend on first start.
   * A clear key file met with a passphrase is rewritten encrypted here (atomically: no clear copy is left).
   */
  static async open(dataDir: string, country: string, backend: KeyBackend, passphrase?: string): Promise<KeyStore> {
    const file = KeyFile.open(join(dataDir, 'keys.json'), passphrase);
    const existing = file.read();
    if (existing && existing.country !== country) {
      throw new ConfigError(`${file.path}: holds the keys of ${existing.country}, not ${country}`);
    }
    const kind = existing?.backend ?? backend.kind;
    if (existing && kind !== backend.kind)
      throw new ConfigError(`${file.path}: the keys are in the ${kind} backend, KEY_BACKEND says ${backend.kind}`);
    const store = new KeyStore(file, backend, { version: 1, country, keys: [], ...existing, backend: kind });
    const changed = await store.ensureKeys();
    if (file.needsEncryption)
      store.events.push({ action: 'keys.migrated', kid: store.contents.keys[0]?.kid ?? '', details: { to: 'encrypted' } });
    if (changed || file.needsEncryption) store.save();
    return store;
  }

  /** Hands the key events so far to the audit log, once. */
  takeEvents(): KeyEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  get backendKind(): 'file' | 'pkcs11' {
    return this.backend.kind;
  }

  /** Whether keys.json is encrypted at rest (file backend with a passphrase); a token-backed store holds no secrets. */
  get encryptedAtRest(): boolean {
    return this.file.encrypted;
  }

  close(): void {
    this.backend.close();
  }

  get country(): string {
    return this.contents.country;
  }

  /** Root keys that are not retired, oldest first; the first one signs. */
  activeRoots(): StoredKey[] {
    return this.contents.keys.filter((k) => k.role === 'root' && !k.retiredAt);
  }

  signingRoot(): { kid: string; privateJwk: SigningKey } {
    const root = this.activeRoots()[0];
    if (!root) throw new ConfigError(`${this.file.path}: no active root key`);
    const key = this.backend.signingKey(root);
    if (!key) throw new RootKeyOfflineError(`the private key of root ${root.kid} is not on this node`);
    return { kid: root.kid, privateJwk: key };
  }

  /** Whether the signing root's private key has been moved off this node (`fedctl keys export-root`). */
  get rootOffline(): boolean {
    const root = this.activeRoots()[0];
    return root !== undefined && this.backend.signingKey(root) === undefined;
  }

  /** What the root signed before it left, served while the root is away (EntityConfigurationService). */
  get offlineEntityConfiguration(): string | undefined {
    return this.contents.offlineEntityConfiguration;
  }

  /** The historical keys the offline root signed last, served while it is away (HistoricalKeysService). */
  get offlineHistoricalKeys(): string | undefined {
    return this.contents.offlineHistoricalKeys;
  }

  /**
   * Moves the root private key off the node: returns it, and keeps only its public half, so that nothing left on
   * the node's disk can sign as the root. `lastStatements` are signed with the root just before it goes: the entity
   * configuration and historical keys partners read until the next key ceremony. Only a file-backed root can leave; a token's never does.
   */
  async exportRoot(
    lastStatements: (root: { kid: string; privateJwk: SigningKey }) => Promise<{ entityConfiguration: string; historicalKeys?: string }>,
  ): Promise<JWK> {
    return this.mutate(async () => {
      if (this.backend.kind !== 'file') throw new ConfigError('the root key is in the token and cannot be exported');
      const active = this.activeRoots();
      if (active.length !== 1) throw new ConfigError('export the root when exactly one root key is active (finish the rollover first)');
      const root = active[0] as StoredKey;
      if (!root.privateJwk) throw new RootKeyOfflineError(`the private key of root ${root.kid} is not on this node`);
      const last = await lastStatements(this.signingRoot());
      this.contents.offlineEntityConfiguration = last.entityConfiguration;
      if (last.historicalKeys) this.contents.offlineHistoricalKeys = last.historicalKeys;
      const privateJwk = root.privateJwk as JWK;
      root.publicJwk = toPublicJwk(privateJwk) as StoredKey['publicJwk'];
      delete root.privateJwk;
      return privateJwk;
    });
  }

  /**
   * Offline root, first half: a new signer or encryption key pair made in the backend and kept pending, and the
   * request for the root to certify it exactly as the node would have (issueSignerCertificate's payload).
   */
  async requestCertificate(kind: 'signer' | 'encryption', requestId: string): Promise<KeyRequest> {
    return this.mutate(async () => {
      const root = this.activeRoots()[0];
      if (!root) throw new ConfigError(`${this.file.path}: no active root key`);
      const role = kind === 'signer' ? 'signer' : 'enc';
      const pair = await this.backend.generate(role);
      const publicJwk = toPublicJwk(pair.publicJwk);
      const at = nowSeconds();
      const request = createKeyRequest({
        requestId,
        country: this.country,
        kind,
        rootKid: root.kid,
        createdAt: at,
        payload: {
          iss: this.country,
          sub: pair.kid,
          jwk: publicJwk,
          iat: at,
          nbf: at,
          exp: at + MAX_CERTIFICATE_LIFETIME_SECONDS,
          use: role === 'enc' ? ['enc'] : ['doc', 'msg'],
        },
      });
      this.contents.pending = [
        ...(this.contents.pending ?? []),
        {
          role,
          kid: pair.kid,
          alg: pair.alg,
          publicJwk: publicJwk as PendingKey['publicJwk'],
          ...(pair.privateJwk ? { privateJwk: pair.privateJwk as PendingKey['privateJwk'] } : {}),
          ...(pair.hsmId ? { hsmId: pair.hsmId } : {}),
          request,
        },
      ];
      this.events.push({ action: 'keys.generated', kid: pair.kid, details: { role, backend: this.backend.kind, pending: requestId } });
      return request;
    });
  }

  /**
   * Offline root: a request for the root to sign `payload` as the entity configuration (EntityConfigurationService's)
   * or as the historical keys (`revocation`: the transparency log's list, so that partners learn of a revocation).
   */
  async requestStatement(
    kind: 'entity-configuration' | 'revocation',
    requestId: string,
    payload: Record<string, unknown>,
  ): Promise<KeyRequest> {
    return this.mutate(async () => {
      const root = this.activeRoots()[0];
      if (!root) throw new ConfigError(`${this.file.path}: no active root key`);
      if (!this.rootOffline) throw new ConfigError(`root ${root.kid} is on this node and signs the ${kind} statement itself`);
      const request = createKeyRequest({ requestId, country: this.country, kind, rootKid: root.kid, payload });
      this.contents.pendingStatements = [...(this.contents.pendingStatements ?? []), request];
      return request;
    });
  }

  /**
   * Offline root, second half: the signed response, checked against its pending request and the root public key
   * (tampered, mismatching and expired ones are refused with their codes), installs the certified key as current,
   * or the signed entity configuration as the one served. Returns the new key, or for a statement the root that signed.
   */
  async importResponse(raw: unknown): Promise<{ requestId: string; kind: string; kid: string }> {
    return this.mutate(async () => {
      const requestId = (raw as { requestId?: unknown } | null)?.requestId;
      const activeRoot = (request: KeyRequest): StoredKey => {
        const root = this.contents.keys.find((k) => k.role === 'root' && k.kid === request.rootKid && !k.retiredAt);
        if (!root) throw new KeyRequestInvalidError(`root ${request.rootKid} of request ${request.requestId} is no longer active`);
        return root;
      };
      const statement = (this.contents.pendingStatements ?? []).find((r) => r.requestId === requestId) as KeyRequest | undefined;
      if (statement) {
        const root = activeRoot(statement);
        const signed = await verifyKeyResponse(statement, raw, publicOf(root));
        if (statement.kind === 'revocation') this.contents.offlineHistoricalKeys = signed;
        else this.contents.offlineEntityConfiguration = signed;
        this.contents.pendingStatements = (this.contents.pendingStatements ?? []).filter((r) => r !== statement);
        return { requestId: statement.requestId, kind: statement.kind, kid: root.kid };
      }
      const pending = (this.contents.pending ?? []).find((p) => p.request.requestId === requestId);
      if (!pending) throw new KeyRequestInvalidError(`no pending key request ${String(requestId)} on ${this.country}`);
      const request = pending.request as KeyRequest;
      const root = activeRoot(request);
      const certificate = await verifyKeyResponse(request, raw, publicOf(root));
      const { request: _request, ...key } = pending;
      this.contents.pending = (this.contents.pending ?? []).filter((p) => p !== pending);
      this.retireCurrent(pending.role);
      const expiresAt = request.payload.exp as number;
      this.contents.keys.push({ ...key, createdAt: new Date().toISOString(), certificate, certificateExpiresAt: expiresAt });
      this.events.push({
        action: 'keys.certified',
        kid: pending.kid,
        details: { role: pending.role, by: root.kid, use: request.payload.use, expiresAt, request: request.requestId },
      });
      return { requestId: request.requestId, kind: request.kind, kid: pending.kid };
    });
  }

  rootPublicJwks(): JWK[] {
    return this.activeRoots().map(publicOf);
  }

  /** Every root this node ever had, retired ones too: what it signed stays verifiable until it expires. */
  allRootPublicJwks(): JWK[] {
    return this.contents.keys.filter((k) => k.role === 'root').map(publicOf);
  }

  currentSigner(): CertifiedKey {
    return this.current('signer');
  }

  currentEncryptionKey(): CertifiedKey {
    return this.current('enc');
  }

  /** The key that signs transparency log entries and checkpoints: online, certified by the root for `log` only. */
  currentLogKey(): CertifiedKey {
    return this.current('log');
  }

  /** Every key the node ever had, public parts only, oldest first: what the transparency log records. */
  history(): KeyHistoryEntry[] {
    return this.contents.keys.map((k) => ({
      role: k.role,
      kid: k.kid,
      publicJwk: publicOf(k),
      createdAt: k.createdAt,
      ...(k.retiredAt ? { retiredAt: k.retiredAt, revocationReason: k.revocationReason ?? 'superseded' } : {}),
      ...(k.certificate ? { certificate: k.certificate, certificateExpiresAt: k.certificateExpiresAt } : {}),
    }));
  }

  /** Every encryption key, newest first: a message encrypted to a just-rotated key still opens. */
  encryptionPrivateJwks(): KeyAgreementKey[] {
    return this.contents.keys
      .filter((k) => k.role === 'enc')
      .reverse()
      .flatMap((k) => this.backend.agreementKey(k) ?? []);
  }

  /** Signer and encryption certificates whose keys are still in use, newest first. */
  certificates(role: CertifiedRole): string[] {
    return this.contents.keys
      .filter((k) => k.role === role && !k.retiredAt && k.certificate)
      .reverse()
      .map((k) => k.certificate as string);
  }

  /** Every key this node holds, public facts only (role, thumbprint, dates): what an admin reviews. */
  describe(): { role: StoredKey['role']; kid: string; createdAt: string; retiredAt: string | null; certificateExpiresAt: number | null }[] {
    return this.contents.keys.map((k) => ({
      role: k.role,
      kid: k.kid,
      createdAt: k.createdAt,
      retiredAt: k.retiredAt ?? null,
      certificateExpiresAt: k.certificateExpiresAt ?? null,
    }));
  }

  /** Every public key the node publishes at `/.well-known/jwks.json`. */
  publicJwks(): JWK[] {
    return this.contents.keys.filter((k) => !k.retiredAt).map(publicOf);
  }

  /** Replaces the signer key: new documents use the new one; old ones keep verifying through their own certificate. */
  async rotateSigner(): Promise<CertifiedKey> {
    return this.mutate(async () => {
      this.retireCurrent('signer');
      await this.addCertified('signer');
      return this.currentSigner();
    });
  }

  /**
   * First half of a root rollover: a second root key, announced in the entity
   * configuration that the current root still signs, so partners accept it
   * by key continuity when they refresh.
   */
  async addRoot(): Promise<string> {
    return this.mutate(async () => {
      if (this.activeRoots().length >= 2) throw new ConfigError('two root keys are active already; retire one first');
      // The new root is announced in an entity configuration the current root signs: not possible while it is away.
      if (this.rootOffline) throw new RootKeyOfflineError(`root ${this.activeRoots()[0]?.kid} must sign the new root's announcement`);
      const root = await this.backend.generate('root');
      this.add('root', root);
      return root.kid;
    });
  }

  /**
   * Second half: retires a root. The other root signs from now on, and the
   * signer and encryption keys are re-certified under it.
   */
  async retireRoot(kid: string): Promise<void> {
    await this.mutate(async () => {
      const active = this.activeRoots();
      const root = active.find((k) => k.kid === kid);
      if (!root) throw new ConfigError(`${kid} is not an active root key`);
      if (active.length < 2) throw new ConfigError('the only root key cannot be retired; add a new one first');
      root.retiredAt = new Date().toISOString();
      for (const role of CERTIFIED_ROLES) {
        this.retireCurrent(role);
        await this.addCertified(role);
      }
    });
  }

  /**
   * Revokes one of the node's certified keys (signer, encryption or log) with a reason; `compromised` tells every
   * verifier, through the historical keys the log publishes, to refuse whatever it ever signed. A revoked current key
   * is replaced at once by a new one certified by the root.
   */
  async revokeKey(kid: string, reason: KeyRevocationReason): Promise<void> {
    await this.mutate(async () => {
      const key = this.contents.keys.find((k) => k.kid === kid);
      if (!key || key.role === 'root') throw new ConfigError(`${kid} is not a signer, encryption or log key of this node`);
      if (key.retiredAt && key.revocationReason === reason) return;
      const current = [...this.contents.keys].reverse().find((k) => k.role === key.role && !k.retiredAt);
      key.retiredAt ??= new Date().toISOString();
      key.revocationReason = reason;
      if (current === key) await this.addCertified(key.role as CertifiedRole);
    });
  }

  private retireCurrent(role: CertifiedRole): void {
    const current = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
    if (current) current.retiredAt = new Date().toISOString();
  }

  /** Changes run one at a time, on a copy that replaces the keys only once it is safely on disk. */
  private async mutate<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const before = structuredClone(this.contents);
      const eventsBefore = this.events.length;
      try {
        const result = await change();
        this.save();
        return result;
      } catch (err) {
        this.contents = before;
        this.events.length = eventsBefore;
        throw err;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private current(role: CertifiedRole): CertifiedKey {
    const key = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
    if (!key?.certificate) throw new ConfigError(`${this.file.path}: no current ${role} key`);
    const publicJwk = publicOf(key);
    // An encryption key does not sign; its certified public half is what callers of currentEncryptionKey read.
    const signing = role === 'enc' ? undefined : this.backend.signingKey(key);
    if (role !== 'enc' && !signing) throw new ConfigError(`${this.file.path}: the private key of ${role} ${key.kid} is not on this node`);
    return { kid: key.kid, privateJwk: signing as SigningKey, publicJwk, certificate: key.certificate };
  }

  private async ensureKeys(): Promise<boolean> {
    let changed = false;
    if (this.activeRoots().length === 0) {
      this.add('root', await this.backend.generate('root'));
      changed = true;
    }
    for (const role of CERTIFIED_ROLES) {
      const current = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
      // With the root offline a due renewal is a key request (`fedctl keys request`), not a failed start.
      if (current && this.rootOffline && (current.certificateExpiresAt ?? 0) > nowSeconds()) continue;
      if (!current || (current.certificateExpiresAt ?? 0) - nowSeconds() < RENEW_BEFORE_SECONDS) {
        await this.addCertified(role);
        changed = true;
      }
    }
    return changed;
  }

  private async addCertified(role: CertifiedRole): Promise<void> {
    const pair = await this.backend.generate(role);
    const use: CertifiedUse[] = { signer: ['doc', 'msg'], enc: ['enc'], log: ['log'] }[role] as CertifiedUse[];
    const root = this.signingRoot();
    const notBefore = nowSeconds();
    const certificate = await issueSignerCertificate({
      issuer: this.country,
      rootPrivateJwk: root.privateJwk,
      rootKid: root.kid,
      subjectPublicJwk: pair.publicJwk,
      use,
      notBefore,
      lifetimeSeconds: MAX_CERTIFICATE_LIFETIME_SECONDS,
    });
    this.add(role, pair, certificate, notBefore + MAX_CERTIFICATE_LIFETIME_SECONDS);
    this.events.push({
      action: 'keys.certified',
      kid: pair.kid,
      details: { role, by: root.kid, use, expiresAt: notBefore + MAX_CERTIFICATE_LIFETIME_SECONDS },
    });
  }

  private add(role: StoredKey['role'], pair: GeneratedKey, certificate?: string, certificateExpiresAt?: number): void {
    this.contents.keys.push({
      role,
      kid: pair.kid,
      alg: pair.alg,
      // The file backend keeps the private JWK (its public half is derived from it, as before backends existed).
      ...(pair.privateJwk
        ? { privateJwk: pair.privateJwk as StoredKey['privateJwk'] }
        : { publicJwk: pair.publicJwk as StoredKey['publicJwk'] }),
      ...(pair.hsmId ? { hsmId: pair.hsmId } : {}),
      createdAt: new Date().toISOString(),
      ...(certificate ? { certificate, certificateExpiresAt } : {}),
    });
    this.events.push({ action: 'keys.generated', kid: pair.kid, details: { role, backend: this.backend.kind } });
  }

  private save(): void {
    this.file.write(this.contents);
  }
}
