import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EntityConfigurationService, sha256Etag, type PublishedStatement } from './entity-configuration.service.js';
import { KeyStore } from './key-store.js';

const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

/** Discovery (docs/protocol section 2): public, unauthenticated, cacheable with ETag revalidation. */
@Controller('.well-known')
export class WellKnownController {
  constructor(
    private readonly entityConfiguration: EntityConfigurationService,
    @Inject(KeyStore) private readonly keys: KeyStore,
  ) {}

  @Get('openid-federation')
  async openidFederation(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.entityConfiguration.current(), 'application/entity-statement+jwt', ifNoneMatch);
  }

  @Get('jwks.json')
  jwks(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    const body = JSON.stringify({ keys: this.keys.publicJwks() });
    send(reply, { body, etag: sha256Etag(body) }, 'application/jwk-set+json', ifNoneMatch);
  }
}

function send(reply: FastifyReply, statement: PublishedStatement, contentType: string, ifNoneMatch: string | undefined): void {
  reply.header('Cache-Control', CACHE_CONTROL).header('ETag', statement.etag);
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === statement.etag || tag.trim() === '*')) {
    reply.status(304).send();
    return;
  }
  reply.header('Content-Type', contentType).status(200).send(statement.body);
}
