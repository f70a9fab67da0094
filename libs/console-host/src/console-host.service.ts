import { join } from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FEDERATION_LANGUAGES, NodeConfig, projectRoot } from '@ots/config';
import { mintDevToken, nodeAudience, ROLES } from '@ots/identity';
import { consoleContentSecurityPolicy, loadConsoleFiles, resolveConsolePath, type ConsoleFile } from './console-files.js';

/** What the page needs to know before anyone signs in: which country, how to sign in, which languages. */
export interface ConsoleSettings {
  country: string;
  /** The `aud` (and OIDC `resource`) of this node's bearer tokens. */
  audience: string;
  graphqlPath: string;
  languages: readonly string[];
  defaultLanguage: string;
  /** Development sign-in (pick a role and subject): only in a local federation, DEV_IDP=on. */
  devSignIn: boolean;
  /** The country's identity provider and the console's public client there; null when the node has none. */
  oidc: { issuer: string; clientId: string } | null;
}

const devSignInRequest = z.object({
  role: z.enum(ROLES),
  subject: z.string().regex(/^[A-Z]{2}:[A-Z0-9]{2,10}:[A-Za-z0-9._-]{1,64}$/, 'must be like KZ:STAFF:admin or KZ:IIN:900101300123'),
  ttlSeconds: z
    .number()
    .int()
    .min(5)
    .max(8 * 3600)
    .default(3600),
});

/**
 * Serves the operator console at `/console/` from the built files in `dist/console`, with the page's own security
 * headers, and the two small endpoints it starts from: `settings.json` and, in a local federation only, the
 * development sign-in.
 */
@Injectable()
export class ConsoleHostService implements OnModuleInit {
  private readonly logger = new Logger(ConsoleHostService.name);
  private readonly files: Map<string, ConsoleFile>;
  private readonly policy: string;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: NodeConfig,
  ) {
    this.files = loadConsoleFiles(join(projectRoot(), 'dist', 'console'));
    this.policy = consoleContentSecurityPolicy(config.oidc ? new URL(config.oidc.issuer).origin : undefined);
  }

  settings(): ConsoleSettings {
    const { oidc } = this.config;
    return {
      country: this.config.countryCode,
      audience: nodeAudience(this.config.countryCode),
      graphqlPath: '/graphql',
      languages: FEDERATION_LANGUAGES,
      defaultLanguage: this.config.defaultLanguage,
      devSignIn: this.config.devIdentityProvider,
      oidc: oidc?.consoleClientId ? { issuer: oidc.issuer, clientId: oidc.consoleClientId } : null,
    };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (this.files.size === 0) this.logger.warn('the console is not built (no dist/console): /console/ answers 503');
    fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
    fastify.get('/console/settings.json', (_request, reply) => this.secure(reply, 'no-cache').send(this.settings()));
    if (this.config.devIdentityProvider) {
      fastify.post('/console/dev-sign-in', async (request, reply) => {
        const parsed = devSignInRequest.safeParse(request.body);
        if (!parsed.success) {
          return this.secure(reply, 'no-store')
            .code(400)
            .send({ code: 'BAD_INPUT', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
        }
        const { role, subject, ttlSeconds } = parsed.data;
        const token = await mintDevToken({
          dataDir: this.config.dataDir,
          country: this.config.countryCode,
          subject,
          roles: [role],
          ttlSeconds,
        });
        return this.secure(reply, 'no-store').send({ token, expiresIn: ttlSeconds });
      });
    }
    fastify.get('/console/*', (request, reply) => {
      if (this.files.size === 0)
        return this.secure(reply, 'no-store').code(503).type('text/plain').send('console not built: npm run build');
      const file = resolveConsolePath(this.files, request.url.slice('/console/'.length));
      if (!file) return this.secure(reply, 'no-cache').code(404).type('text/plain').send('not found');
      return this.secure(reply, file.cacheControl).type(file.contentType).send(file.body);
    });
  }

  private secure(reply: FastifyReply, cacheControl: string): FastifyReply {
    return reply.headers({
      'content-security-policy': this.policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': cacheControl,
    });
  }
}
