import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready only when the database answers and no migration is pending. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: string; migrations: string }> {
    let database = 'down';
    let migrations = 'unknown';
    try {
      await this.dataSource.query('SELECT 1');
      database = 'up';
      migrations = (await this.dataSource.showMigrations()) ? 'pending' : 'applied';
    } catch {
      // What failed stays as it was: `down` if the database did not answer, `unknown` migrations if only they failed.
    }
    const ready = database === 'up' && migrations === 'applied';
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', database, migrations };
  }
}
