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

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The node's own private keys (PROTOCOL section 1), in `<dataDir>/keys.json`
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

  /** Every encryption private key, newest first: a message encrypted to a just-rotated key still opens. */
  encryptionPrivateJwks(): JWK[] {
    return this.contents.keys
      .filter((k) => k.role === 'enc')
      .reverse()
      .map((k) => k.privateJwk as JWK);
  }

  /** Signer and encryption certificates whose keys are still in use, newest first. */
  certificates(role: 'signer' | 'enc'): string[] {
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
      for (const role of ['signer', 'enc'] as const) {
        this.retireCurrent(role);
        await this.addCertified(role);
      }
    });
  }

  private retireCurrent(role: 'signer' | 'enc'): void {
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

  private current(role: 'signer' | 'enc'): CertifiedKey {
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
    for (const role of ['signer', 'enc'] as const) {
      const current = [...this.contents.keys].reverse().find((k) => k.role === role && !k.retiredAt);
      if (!current || (current.certificateExpiresAt ?? 0) - nowSeconds() < RENEW_BEFORE_SECONDS) {
        await this.addCertified(role);
        changed = true;
      }
    }
    return changed;
  }

  private async addCertified(role: 'signer' | 'enc'): Promise<void> {
    const pair = role === 'signer' ? await generateSignerKey('EdDSA') : await generateEncryptionKey();
    const use: CertifiedUse[] = role === 'signer' ? ['doc', 'msg'] : ['enc'];
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
