import { join } from 'node:path';
import type { JWK } from 'jose';
import {
  generateEncryptionKey,
  generateRootKey,
  generateSignerKey,
  issueSignerCertificate,
  MAX_CERTIFICATE_LIFETIME_SECONDS,
  toPublicJwk,
  type CertifiedUse,
  type KeyPairJwk,
  type KeyRevocationReason,
} from '@ots/jws';
import { ConfigError } from '@ots/config';
import { readKeyFile, writeKeyFile, type KeyFileContents, type StoredKey } from './key-file.js';

/** A certificate is renewed when less than this is left of it. */
const RENEW_BEFORE_SECONDS = 30 * 24 * 3600;

export interface CertifiedKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  certificate: string;
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

/**
 * The node's own private keys (docs/protocol section 1), in `<dataDir>/keys.json`
 * with mode 0600. Created on first start, kept across restarts. Nothing
 * here ever hands out a private JWK except to the signing code in this
 * process; the public views are what APIs publish.
 */
export class KeyStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private contents: KeyFileContents,
  ) {}

  /** Opens the node's key file, creating the root, signer and encryption keys on first start. */
  static async open(dataDir: string, country: string): Promise<KeyStore> {
    const path = join(dataDir, 'keys.json');
    const existing = readKeyFile(path);
    if (existing && existing.country !== country) {
      throw new ConfigError(`${path}: holds the keys of ${existing.country}, not ${country}`);
    }
    const store = new KeyStore(path, existing ?? { version: 1, country, keys: [] });
    const changed = await store.ensureKeys();
    if (changed) store.save();
    return store;
  }

  get country(): string {
    return this.contents.country;
  }

  /** Root keys that are not retired, oldest first; the first one signs. */
  activeRoots(): StoredKey[] {
    return this.contents.keys.filter((k) => k.role === 'root' && !k.retiredAt);
  }

  signingRoot(): { kid: string; privateJwk: JWK } {
    const root = this.activeRoots()[0];
    if (!root) throw new ConfigError(`${this.path}: no active root key`);
    return { kid: root.kid, privateJwk: root.privateJwk as JWK };
  }

  rootPublicJwks(): JWK[] {
    return this.activeRoots().map((k) => toPublicJwk(k.privateJwk as JWK));
  }

  /** Every root this node ever had, retired ones too: what it signed stays verifiable until it expires. */
  allRootPublicJwks(): JWK[] {
    return this.contents.keys.filter((k) => k.role === 'root').map((k) => toPublicJwk(k.privateJwk as JWK));
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
      publicJwk: toPublicJwk(k.privateJwk as JWK),
      createdAt: k.createdAt,
      ...(k.retiredAt ? { retiredAt: k.retiredAt, revocationReason: k.revocationReason ?? 'superseded' } : {}),
      ...(k.certificate ? { certificate: k.certificate, certificateExpiresAt: k.certificateExpiresAt } : {}),
    }));
  }

  /** Every encryption private key, newest first: a message encrypted to a just-rotated key still opens. */
  encryptionPrivateJwks(): JWK[] {
    return this.contents.keys
      .filter((k) => k.role === 'enc')
      .reverse()
      .map((k) => k.privateJwk as JWK);
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
    return this.contents.keys.filter((k) => !k.retiredAt).map((k) => toPublicJwk(k.privateJwk as JWK));
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
      const root = await generateRootKey();
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
      try {
        const result = await change();
        this.save();
        return result;
      } catch (err) {
        this.contents = before;
        throw err;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private current(role: CertifiedRole): CertifiedKey {
    const key = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
    if (!key?.certificate) throw new ConfigError(`${this.path}: no current ${role} key`);
    const privateJwk = key.privateJwk as JWK;
    return { kid: key.kid, privateJwk, publicJwk: toPublicJwk(privateJwk), certificate: key.certificate };
  }

  private async ensureKeys(): Promise<boolean> {
    let changed = false;
    if (this.activeRoots().length === 0) {
      this.add('root', await generateRootKey());
      changed = true;
    }
    for (const role of CERTIFIED_ROLES) {
      const current = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
      if (!current || (current.certificateExpiresAt ?? 0) - nowSeconds() < RENEW_BEFORE_SECONDS) {
        await this.addCertified(role);
        changed = true;
      }
    }
    return changed;
  }

  private async addCertified(role: CertifiedRole): Promise<void> {
    const pair = role === 'enc' ? await generateEncryptionKey() : await generateSignerKey('EdDSA');
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
  }

  private add(role: StoredKey['role'], pair: KeyPairJwk, certificate?: string, certificateExpiresAt?: number): void {
    this.contents.keys.push({
      role,
      kid: pair.kid,
      alg: pair.alg,
      privateJwk: pair.privateJwk as StoredKey['privateJwk'],
      createdAt: new Date().toISOString(),
      ...(certificate ? { certificate, certificateExpiresAt } : {}),
    });
  }

  private save(): void {
    writeKeyFile(this.path, this.contents);
  }
}
