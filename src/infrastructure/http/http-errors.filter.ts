import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { spanishHttpMessage, spanishStatusName } from '../../common/spanish-messages.js';

/** The status of an HTTP error: Nest's HttpException, a Fastify error (`statusCode`), else 500. */
function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function messageOf(exception: unknown): string | undefined {
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    return typeof message === 'string' ? message : Array.isArray(message) ? String(message[0]) : undefined;
  }
  return exception instanceof Error ? exception.message : undefined;
}

/**
 * Every HTTP error outside GraphQL (unknown paths, wrong methods, bodies too large, unsupported media types,
 * invalid JSON — Fastify's errors reach Nest's filters) answers JSON `{ statusCode, error, message }` in
 * Spanish; server errors never show their text. GraphQL errors are left to the GraphQL error formatter.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const status = statusOf(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    void reply
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        statusCode: status,
        error: spanishStatusName(status),
        message: spanishHttpMessage(status, messageOf(exception)),
      });
  }
}
