import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RegistryService } from './registry.service.js';

/** How long partners may use a snapshot without asking again: an admin change reaches them within this time. */
const SNAPSHOT_MAX_AGE_SECONDS = 5;

/** The signed catalog over plain HTTP, so partners revalidate with If-None-Match and an unchanged catalog costs a 304. */
@Controller('registry')
export class RegistrySnapshotController {
  constructor(private readonly registry: RegistryService) {}

  @Get('snapshot')
  async snapshot(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { jws, etag } = await this.registry.snapshot();
    reply.header('ETag', etag).header('Cache-Control', `public, max-age=${SNAPSHOT_MAX_AGE_SECONDS}, must-revalidate`);
    if (ifNoneMatch === etag) {
      reply.status(304).send();
      return;
    }
    reply.header('Content-Type', 'application/jwt').status(200).send(jws);
  }
}
