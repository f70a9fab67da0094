import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NodeConfig } from '@ots/config';
import { UnauthenticatedError } from '@ots/errors';
import { MetricsRecorder } from './metrics-recorder.js';

/** Loopback addresses, IPv4 (127/8, also IPv4-mapped) and IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format: answered to loopback callers (a Prometheus or an agent on
 * the same host), to others only with METRICS_TOKEN as a bearer token, never publicly.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly config: NodeConfig,
  ) {}

  @Get()
  async metrics(
    @Req() request: FastifyRequest,
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!isLoopback(request.socket.remoteAddress)) {
      const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
      if (!this.config.metricsToken || !token || !sameSecret(token, this.config.metricsToken))
        throw new UnauthenticatedError('metrics are for loopback callers or holders of METRICS_TOKEN');
    }
    const body = await this.recorder.exposition();
    reply.header('Content-Type', this.recorder.registry.contentType).header('Cache-Control', 'no-store').status(200).send(body);
  }
}
