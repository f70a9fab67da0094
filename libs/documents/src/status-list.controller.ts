import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NodeConfig } from '@ots/config';
import { NotFoundError } from '@ots/errors';
import { sha256Etag } from '@ots/keys';
import { StatusListService } from './status-list.service.js';

/** docs/protocol section 5: `<status_list_endpoint>/<id>`, public, cacheable for `ttl`. */
@Controller('status-lists')
export class StatusListController {
  constructor(
    private readonly statusLists: StatusListService,
    private readonly config: NodeConfig,
  ) {}

  @Get(':id')
  async list(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const jws = await this.statusLists.ownList(id);
    if (!jws) throw new NotFoundError(`no status list ${id}`, { what: `status list ${id.slice(0, 16)}` });
    const etag = sha256Etag(jws);
    reply.header('Cache-Control', `public, max-age=${this.config.statusListTtlSeconds}`).header('ETag', etag);
    if (ifNoneMatch === etag) {
      reply.status(304).send();
      return;
    }
    reply.header('Content-Type', 'application/statuslist+jwt').status(200).send(jws);
  }
}
