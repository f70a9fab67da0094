import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { InternalError, NotFoundError, OtsError } from '@ots/errors';
import { I18nService } from '@ots/i18n';
import { databaseFault } from '@ots/persistence';

/**
 * The one place where errors become what a caller sees: an OtsError keeps
 * its `code` and gets its message in the request's language; a database that
 * does not answer or a full disk become UNAVAILABLE or STORAGE_FULL; anything
 * else is logged here with its stack and leaves as INTERNAL with no detail.
 */
@Catch()
export class ApiExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      const gqlHost = GqlArgumentsHost.create(host);
      const args = gqlHost.getArgs<{ lang?: unknown }>();
      const req = gqlHost.getContext<{ req?: FastifyRequest }>().req;
      const error = this.toOtsError(exception, '');
      const lang = this.i18n.resolveLeniently(
        error.language ?? (typeof args?.lang === 'string' ? args.lang : undefined),
        req?.headers['accept-language'],
      );
      return new GraphQLError(this.i18n.errorMessage(error.code, error.params, lang), {
        extensions: { ...error.extensions, code: error.code },
      });
    }
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const lang = this.i18n.resolveLeniently(undefined, req.headers['accept-language']);
    const error = this.toOtsError(exception, req.url);
    void http
      .getResponse<FastifyReply>()
      .status(error.httpStatus)
      .send({ code: error.code, message: this.i18n.errorMessage(error.code, error.params, lang) });
    return undefined;
  }

  private toOtsError(exception: unknown, path: string): OtsError {
    if (exception instanceof OtsError) return exception;
    // A database gone or a disk full is the caller's business too (retry later), the rest of it stays in the log.
    const fault = databaseFault(exception);
    if (fault) {
      this.logger.warn(`${fault.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
      return fault;
    }
    if (isHttpException(exception) && exception.getStatus() === 404)
      return new NotFoundError('no such route', { what: path.slice(0, 200) });
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new InternalError('internal error');
  }
}

function isHttpException(value: unknown): value is { getStatus(): number } {
  return typeof value === 'object' && value !== null && typeof (value as { getStatus?: unknown }).getStatus === 'function';
}
