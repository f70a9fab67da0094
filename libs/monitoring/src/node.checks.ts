import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NodeConfig } from '@ots/config';
import { unverifiedPayload } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { Diagnostics, type CheckResult } from './diagnostics.js';
import { MetricsRecorder } from './metrics-recorder.js';

/** A certificate is reported under this many days left (the 14; renewal at start-up begins at 30). */
export const CERTIFICATE_WARN_DAYS = 14;
const DAY = 86_400;

interface OwnCertificate {
  role: 'signer' | 'enc' | 'tls';
  kid: string;
  expiresAt: number;
}

/**
 * The checks about this node itself: its configuration, database and migrations, key file permissions and
 * certificates; and the certificate expiry gauge, read at scrape time.
 */
@Injectable()
export class NodeChecks implements OnModuleInit {
  constructor(
    private readonly config: NodeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly diagnostics: Diagnostics,
    private readonly recorder: MetricsRecorder,
  ) {}

  onModuleInit(): void {
    this.diagnostics.register({ id: 'config', run: async () => [this.configuration()] });
    this.diagnostics.register({ id: 'database', run: () => this.database() });
    this.diagnostics.register({ id: 'keys.file', run: async () => [this.keyFile(), this.keyCustody()] });
    this.diagnostics.register({ id: 'certificate', run: async () => this.certificates().map(certificateCheck) });
    this.recorder.gaugeAtScrape(
      'ots_certificate_expiry_seconds',
      "Seconds until each of this node's certificates in use expires (role: signer, enc, tls).",
      ['role', 'kid'],
      () => this.certificates().map((c) => ({ labels: { role: c.role, kid: c.kid }, value: c.expiresAt - Date.now() / 1000 })),
    );
  }

  /** The configuration was validated at start-up or the node would not run; what is left is advice. */
  private configuration(): CheckResult {
    if (this.config.production && !this.config.tls && !this.config.publicBaseUrl.startsWith('https:'))
      return { check: 'config.https', status: 'warn', detail: this.config.publicBaseUrl };
    if (this.config.devIdentityProvider) return { check: 'config.dev-idp', status: 'warn' };
    return { check: 'config', status: 'ok' };
  }

  private async database(): Promise<CheckResult[]> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (err) {
      return [{ check: 'database', status: 'fail', detail: (err as Error).message.slice(0, 300) }];
    }
    const pending = await this.dataSource.showMigrations();
    return [
      { check: 'database', status: 'ok', detail: this.dataSource.options.type },
      { check: 'database.migrations', status: pending ? 'fail' : 'ok' },
    ];
  }

  /** keys.json holds the private keys: only the node's own user may read it. */
  private keyFile(): CheckResult {
    const path = join(this.config.dataDir, 'keys.json');
    try {
      const mode = statSync(path).mode & 0o777;
      return { check: 'keys.file', status: (mode & 0o077) === 0 ? 'ok' : 'fail', subject: path, detail: mode.toString(8).padStart(4, '0') };
    } catch (err) {
      return { check: 'keys.file', status: 'fail', subject: path, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
  }

  /**
   * Where the private keys are: a token, or keys.json encrypted under KEY_PASSPHRASE_FILE. A clear key file is what
   * the local federation runs with; in production it is a warning (docs/admin-guide.md, "Key ceremony").
   */
  private keyCustody(): CheckResult {
    const backend = this.keys.backendKind;
    if (backend === 'file' && !this.keys.encryptedAtRest)
      return {
        check: 'keys.custody',
        status: this.config.production ? 'warn' : 'ok',
        detail: 'file, not encrypted (no KEY_PASSPHRASE_FILE)',
      };
    return { check: 'keys.custody', status: 'ok', detail: backend === 'file' ? 'file, encrypted' : 'pkcs11' };
  }

  private certificates(): OwnCertificate[] {
    const own: OwnCertificate[] = [];
    for (const role of ['signer', 'enc'] as const) {
      for (const certificate of this.keys.certificates(role)) {
        const payload = unverifiedPayload<{ exp: number; sub: string; jwk: { kid?: string } }>(certificate);
        if (typeof payload.exp === 'number') own.push({ role, kid: String(payload.jwk?.kid ?? payload.sub ?? ''), expiresAt: payload.exp });
      }
    }
    if (this.config.tls) {
      const leaf = new X509Certificate(readFileSync(this.config.tls.certFile));
      own.push({ role: 'tls', kid: leaf.serialNumber, expiresAt: Math.floor(new Date(leaf.validTo).getTime() / 1000) });
    }
    return own;
  }
}

function certificateCheck(certificate: OwnCertificate): CheckResult {
  const days = Math.floor((certificate.expiresAt - Date.now() / 1000) / DAY);
  const status = days < 0 ? 'fail' : days < CERTIFICATE_WARN_DAYS ? 'warn' : 'ok';
  return { check: `certificate.${certificate.role}`, status, subject: certificate.kid, value: days };
}
