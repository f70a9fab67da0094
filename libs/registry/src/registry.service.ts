import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '@ots/audit';
import { describeIssues, FederationConfig, FEDERATION_LANGUAGES, NodeConfig, type Language } from '@ots/config';
import type { Principal } from '@ots/identity';
import { signCompact } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { SequenceCounterEntity, takeNextInSequence } from '@ots/persistence';
import type { Catalog } from './catalog-loader.js';
import { CatalogIndex, encodeCursor, paginate, type LocalizedService, type ServiceFilter } from './catalog-index.js';
import { serviceDefinitionSchema, serviceTextSchema, type ServiceDefinition, type Terms } from './catalog.schema.js';
import { RegistryServiceEntity } from './registry-service.entity.js';
import { BadCursorError, PageTooLargeError } from '@ots/graphql-api';
import { InvalidServiceError, ServiceExistsError, ServiceNotFoundError } from './registry.errors.js';

export const REGISTRY_SEED = Symbol('REGISTRY_SEED');
export interface RegistrySeed {
  catalog: Catalog;
  terms: Partial<Record<Language, Terms>>;
}

export const REGISTRY_SNAPSHOT_TYP = 'ots-registry+jwt';
export const MAX_PAGE_SIZE = 50;
/** Replicas sharing a database pick up each other's catalog changes within this time. */
const VERSION_CHECK_MS = 5_000;

export interface RegistrySnapshotPayload {
  iss: string;
  iat: number;
  version: number;
  etag: string;
  catalog: Catalog & { retired: string[] };
}

const textsSchema = z
  .partialRecord(z.enum(FEDERATION_LANGUAGES), serviceTextSchema)
  .refine((texts) => texts.en !== undefined, { message: 'the English name and description are required', path: ['en'] });

/**
 * The refusal of a service form; `detail` ("texts.kk.name: is empty; fee.currency: ...") is also a public fact of the
 * error, so that a form can mark each field it names.
 */
const invalidService = (detail: string): InvalidServiceError => new InvalidServiceError(detail, { detail }, { extensions: { detail } });

export interface Term {
  code: string;
  name: string;
  language: Language;
}

/**
 * This node's service catalog: the federation-config files with the
 * admins' changes laid over them. Every change bumps the version, so the
 * signed snapshot's ETag changes and partners' caches revalidate.
 */
@Injectable()
export class RegistryService implements OnModuleInit, OnApplicationShutdown {
  private index!: CatalogIndex;
  private version = 0;
  private etag = '';
  private checkedAt = 0;
  private snapshotCache?: { jws: string; version: number };
  private versionTimer?: NodeJS.Timeout;

  constructor(
    @Inject(REGISTRY_SEED) private readonly seed: RegistrySeed,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly federation: FederationConfig,
    private readonly config: NodeConfig,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly audit: AuditLogService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    // Another replica's change must be noticed even when answers come from the response cache.
    this.versionTimer = setInterval(() => void this.current().catch(() => undefined), VERSION_CHECK_MS);
    this.versionTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.versionTimer);
  }

  /** The catalog version as last read: every admin change (here or on a replica) moves it. */
  get currentVersion(): number {
    return this.version;
  }

  async services(filter: ServiceFilter, lang: Language, first: number, after: string | null | undefined) {
    if (!Number.isInteger(first) || first < 1) throw new PageTooLargeError('first must be 1 or more', { max: MAX_PAGE_SIZE });
    if (first > MAX_PAGE_SIZE) throw new PageTooLargeError(`first ${first} > ${MAX_PAGE_SIZE}`, { max: MAX_PAGE_SIZE });
    const index = await this.current();
    const page = paginate(index.filter(filter, lang), first, after);
    if (page === 'BAD_CURSOR') throw new BadCursorError('unknown cursor');
    return {
      edges: page.items.map((node) => ({ cursor: encodeCursor(node.code), node })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.items[0] ? encodeCursor(page.items[0].code) : null,
        endCursor: page.items.at(-1) ? encodeCursor((page.items.at(-1) as LocalizedService).code) : null,
      },
      totalCount: page.totalCount,
      version: this.version,
    };
  }

  /** One service by code; retired ones stay readable, marked so. */
  async service(code: string, lang: Language): Promise<LocalizedService> {
    const service = (await this.current()).get(code, lang);
    if (!service) throw new ServiceNotFoundError(`no service ${code}`, { code: code.slice(0, 48) });
    return service;
  }

  /** The name and description in each language the service has them in, as written (no fallback): what an editor starts from. */
  async translations(code: string): Promise<{ language: Language; name: string; description: string }[]> {
    const { texts } = (await this.current()).catalog;
    return FEDERATION_LANGUAGES.flatMap((language) => {
      const text = texts[language]?.[code];
      return text ? [{ language, name: text.name, description: text.description }] : [];
    });
  }

  /** What filters a partner needs: every active service in `lang` (for federated search). */
  async filter(filter: ServiceFilter, lang: Language): Promise<LocalizedService[]> {
    return (await this.current()).filter(filter, lang);
  }

  terms(kind: 'category' | 'lifeEvent', lang: Language): Term[] {
    const chain = this.federation.fallbackChain(lang);
    const codes = Object.keys(this.seed.terms.en?.[kind] ?? {});
    return codes.map((code) => {
      const language = chain.find((l) => (this.seed.terms[l]?.[kind] as Record<string, string> | undefined)?.[code]) ?? 'en';
      return { code, name: (this.seed.terms[language]?.[kind] as Record<string, string>)[code] as string, language };
    });
  }

  /** The whole catalog, signed by this node's signer key (`ots-registry+jwt`), for partners to cache and prove. */
  async snapshot(): Promise<{ jws: string; etag: string; version: number }> {
    await this.current();
    if (this.snapshotCache?.version !== this.version) {
      const signer = this.keys.currentSigner();
      const payload: RegistrySnapshotPayload = {
        iss: this.config.countryCode,
        iat: Math.floor(Date.now() / 1000),
        version: this.version,
        etag: this.etag,
        catalog: {
          ...this.index.catalog,
          retired: this.index.catalog.services.map((s) => s.code).filter((code) => this.index.get(code, 'en')?.retired),
        },
      };
      const jws = await signCompact(
        { ...payload },
        { typ: REGISTRY_SNAPSHOT_TYP, kid: signer.kid, trust_chain: [signer.certificate] },
        signer.privateJwk,
      );
      this.snapshotCache = { jws, version: this.version };
    }
    return { jws: this.snapshotCache.jws, etag: this.etag, version: this.version };
  }

  addService(definition: unknown, texts: unknown, principal: Principal): Promise<LocalizedService> {
    return this.write('registry.add-service', definition, texts, principal, (exists, code) => {
      if (exists) throw new ServiceExistsError(`service ${code} exists`, { code });
    });
  }

  updateService(code: string, definition: unknown, texts: unknown, principal: Principal): Promise<LocalizedService> {
    return this.write('registry.update-service', definition, texts, principal, (exists, definedCode) => {
      if (!exists) throw new ServiceNotFoundError(`no service ${code}`, { code: code.slice(0, 48) });
      if (definedCode !== code) throw invalidService(`code: is ${definedCode}, expected ${code}`);
    });
  }

  async retireService(code: string, principal: Principal): Promise<LocalizedService> {
    const current = (await this.current()).get(code, 'en');
    if (!current) throw new ServiceNotFoundError(`no service ${code}`, { code: code.slice(0, 48) });
    const existing = await this.dataSource.getRepository(RegistryServiceEntity).findOne({ where: { code } });
    const definition = existing?.definition ?? (this.seed.catalog.services.find((s) => s.code === code) as ServiceDefinition);
    const texts = existing?.texts ?? this.textsOf(code);
    await this.persist('registry.retire-service', { code, definition, texts, retired: true }, principal);
    return this.service(code, 'en');
  }

  private async write(
    action: string,
    definitionInput: unknown,
    textsInput: unknown,
    principal: Principal,
    check: (exists: boolean, code: string) => void,
  ): Promise<LocalizedService> {
    const definition = serviceDefinitionSchema.safeParse(definitionInput);
    const texts = textsSchema.safeParse(textsInput);
    // Both at once, so that a form marks every field that is wrong, not the first.
    const issues = [
      ...(definition.error?.issues ?? []),
      ...(texts.error?.issues ?? []).map((issue) => ({ ...issue, path: ['texts', ...issue.path] })),
    ];
    if (!definition.success || !texts.success) throw invalidService(describeIssues(issues));
    const code = definition.data.code;
    if (!code.startsWith(`${this.config.countryCode}-`)) throw invalidService(`code: must start with ${this.config.countryCode}-`);
    if (definition.data.crossBorder.includes(this.config.countryCode)) {
      throw invalidService(`crossBorder: must not list ${this.config.countryCode}`);
    }
    check((await this.current()).get(code, 'en') !== undefined, code);
    await this.persist(action, { code, definition: definition.data, texts: texts.data, retired: false }, principal);
    return this.service(code, 'en');
  }

  private async persist(
    action: string,
    change: { code: string; definition: ServiceDefinition; texts: Record<string, { name: string; description: string }>; retired: boolean },
    principal: Principal,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(RegistryServiceEntity).save({ ...change, updatedBy: principal.subject, updatedAt: new Date() });
      const version = (await takeNextInSequence(manager, 'registry-version')) + 1;
      await this.audit.append(manager, { actor: principal.subject, action, subject: change.code, details: { version } });
    });
    await this.reload();
  }

  private textsOf(code: string): Record<string, { name: string; description: string }> {
    return Object.fromEntries(
      Object.entries(this.seed.catalog.texts).flatMap(([lang, texts]) => (texts?.[code] ? [[lang, texts[code]]] : [])),
    ) as Record<string, { name: string; description: string }>;
  }

  private async current(): Promise<CatalogIndex> {
    if (Date.now() - this.checkedAt > VERSION_CHECK_MS) {
      const counter = await this.dataSource.getRepository(SequenceCounterEntity).findOneByOrFail({ id: 'registry-version' });
      if (counter.next !== this.version) await this.reload();
      this.checkedAt = Date.now();
    }
    return this.index;
  }

  /** Rebuilds the effective catalog: file services, replaced or joined by the admins' rows. */
  private async reload(): Promise<void> {
    const [rows, counter] = await Promise.all([
      this.dataSource.getRepository(RegistryServiceEntity).find(),
      this.dataSource.getRepository(SequenceCounterEntity).findOneByOrFail({ id: 'registry-version' }),
    ]);
    const services = new Map(this.seed.catalog.services.map((s) => [s.code, s]));
    const texts: Catalog['texts'] = Object.fromEntries(Object.entries(this.seed.catalog.texts).map(([lang, t]) => [lang, { ...t }]));
    for (const row of rows) {
      services.set(row.code, row.definition);
      for (const lang of FEDERATION_LANGUAGES) {
        const bucket = (texts[lang] ??= {});
        if (row.texts[lang]) bucket[row.code] = row.texts[lang];
        else delete bucket[row.code];
      }
    }
    const catalog: Catalog = { country: this.seed.catalog.country, services: [...services.values()], texts };
    const retired = new Set(rows.filter((r) => r.retired).map((r) => r.code));
    this.index = new CatalogIndex(catalog, retired, (lang) => this.federation.fallbackChain(lang));
    this.version = counter.next;
    this.etag = `"${createHash('sha256')
      .update(`${this.version}:${JSON.stringify(catalog)}:${[...retired].join(',')}`)
      .digest('base64url')}"`;
    this.checkedAt = Date.now();
  }
}
