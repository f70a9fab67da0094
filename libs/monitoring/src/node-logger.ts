import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '@ots/config';
import { maskDeep, maskPersonIds } from './person-id-mask.js';
import { formatTraceparent, type RequestContext } from '@ots/request-context';

/** Nest's levels as pino's: `log` is pino's `info`, `verbose` its `trace`. */
const PINO_LEVEL: Record<LogLevel | 'fatal', string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** The fields a line gets from the work it is about: request id, trace, GraphQL operation, message. */
function contextFields(context: RequestContext | undefined): Record<string, string> {
  if (!context) return {};
  const fields: Record<string, string> = { traceparent: formatTraceparent(context.trace) };
  if (context.requestId) fields.reqId = context.requestId;
  if (context.operation) fields.operation = context.operation;
  if (context.iss) fields.iss = context.iss;
  if (context.jti) fields.jti = context.jti;
  return fields;
}

/**
 * The node's one logger: JSON lines on stdout (pino), one object per line with `level`, `time`, the Nest
 * `context` (the class that logged), for message and request lines the fields of their work, and `msg`; person ids masked
 * (`KZ:IIN:9001******23`) in the message and in every field. On a terminal the same lines are printed
 * readably (pino-pretty). Nest's `Logger` instances all end here once the app uses it.
 */
export class NodeLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(level: LogLevel, destination: DestinationStream = process.stdout.isTTY ? pretty({ colorize: true }) : asyncStdout()) {
    const options = {
      level: PINO_LEVEL[level],
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
    };
    this.pino = pino(options, destination);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest's own error calls are (message, stack, context).
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /**
   * Structured fields beside the message (a message's `msg_type`, a partner), masked like the message, and those of
   * the work the line is about (`context`: request id, traceparent, operation, `iss`, `jti`).
   */
  with(level: 'info' | 'warn' | 'debug', fields: Record<string, unknown>, message: string, context?: RequestContext): void {
    if (this.pino.isLevelEnabled(level))
      this.pino[level]({ ...contextFields(context), ...(maskDeep(fields) as object) }, maskPersonIds(message));
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const params = [...rest];
    const context = typeof params.at(-1) === 'string' && params.length > 0 ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = params.find((p) => typeof p === 'string');
    if (stack) fields.stack = maskPersonIds(stack as string);
    if (message instanceof Error) {
      fields.err = maskDeep(message);
      this.pino[level](fields, maskPersonIds(message.message));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(maskDeep(message) as object) });
    } else {
      this.pino[level](fields, maskPersonIds(String(message)));
    }
  }
}

/**
 * stdout written asynchronously: lines logged while a write is under way go out together in the next one, so a busy
 * node makes one system call for many lines instead of one each (measured: bench/monitoring.js). What is still
 * buffered when the process exits is written synchronously then.
 */
function asyncStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => stream.flushSync());
  return stream;
}

let shared: NodeLogger | undefined;

/** The process's logger, made once at start-up (createNodeApp) and used by the recorder's message lines. */
export function useNodeLogger(logger: NodeLogger): NodeLogger {
  shared = logger;
  return logger;
}

export function nodeLogger(): NodeLogger | undefined {
  return shared;
}
