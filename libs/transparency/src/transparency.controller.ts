import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HistoricalKeysService } from './historical-keys.service.js';
import { TransparencyLogService } from './transparency-log.service.js';
import { TransparencyRangeError } from './transparency.errors.js';
import { WitnessService } from './witness.service.js';

/** The head moves as entries are appended: revalidate soon. */
const HEAD = 'public, max-age=5, must-revalidate';
/** Entries and proofs within a size the log has reached never change (it is append-only). */
const SETTLED = 'public, max-age=86400, immutable';

/**
 * The key-transparency log over REST (docs/transparency.md): public, no token, JSON with base64 hashes. A bad
 * parameter is `TRANSPARENCY_BAD_RANGE` (HTTP 400) naming what is wrong.
 */
@Controller('transparency')
export class TransparencyController {
  constructor(
    private readonly log: TransparencyLogService,
    private readonly witness: WitnessService,
    private readonly historical: HistoricalKeysService,
  ) {}

  @Get('checkpoint')
  async checkpoint(@Res() reply: FastifyReply): Promise<void> {
    reply
      .header('Cache-Control', HEAD)
      .header('Content-Type', 'text/plain; charset=utf-8')
      .send(await this.log.checkpoint());
  }

  @Get('entries')
  async entries(@Query('start') start: unknown, @Query('end') end: unknown, @Res() reply: FastifyReply): Promise<void> {
    const entries = await this.log.entries(whole('start', start), whole('end', end));
    reply.header('Cache-Control', SETTLED).send({ entries });
  }

  @Get('proof/inclusion')
  async inclusion(@Query('index') index: unknown, @Query('size') size: unknown, @Res() reply: FastifyReply): Promise<void> {
    const [i, n] = [whole('index', index), whole('size', size)];
    const proof = await this.log.inclusion(i, n);
    reply.header('Cache-Control', SETTLED).send({
      index: i,
      size: n,
      leafHash: proof.leafHash.toString('base64'),
      rootHash: proof.rootHash.toString('base64'),
      proof: proof.proof.map((h) => h.toString('base64')),
    });
  }

  @Get('proof/consistency')
  async consistency(@Query('from') from: unknown, @Query('to') to: unknown, @Res() reply: FastifyReply): Promise<void> {
    const [m, n] = [whole('from', from), whole('to', to)];
    const proof = await this.log.consistency(m, n);
    reply.header('Cache-Control', SETTLED).send({ from: m, to: n, proof: proof.map((h) => h.toString('base64')) });
  }

  /** OpenID Federation historical keys (`federation_historical_keys_endpoint`), derived from the log. */
  @Get('historical-keys')
  async historicalKeys(@Res() reply: FastifyReply): Promise<void> {
    reply
      .header('Cache-Control', HEAD)
      .header('Content-Type', 'application/jwk-set+jwt')
      .send(await this.historical.current());
  }

  /** The partners' checkpoints this node cosigned, for other witnesses (and the logs themselves) to gather. */
  @Get('witnessed')
  async witnessed(@Res() reply: FastifyReply): Promise<void> {
    reply.header('Cache-Control', HEAD).send(await this.witness.witnessed());
  }
}

function whole(name: string, value: unknown): number {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,14})$/.test(value)) {
    const detail = `${name} must be a whole number, not ${JSON.stringify(typeof value === 'string' ? value.slice(0, 20) : (value ?? null))}`;
    throw new TransparencyRangeError(detail, { detail }, { extensions: { detail } });
  }
  return Number(value);
}
