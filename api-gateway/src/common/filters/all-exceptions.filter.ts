import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { LOGGER } from '../logging/logger';
import { DB_RETRY_AFTER_S, isDbUnavailable, mapDbError } from '../errors/db-error.mapper';
import { ErrorDetail, sendError } from '../errors/error-body';
import type { GatewayRequest } from '../http/request-context';

interface Resolved {
  status: number;
  message: string;
  details?: ErrorDetail[];
  /** Sent as Retry-After. */
  retryAfterSeconds?: number;
}

/** Resolves any thrown value to status/message/details without leaking internals. */
export function resolveException(exception: unknown): Resolved {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const withDetails = exception as HttpException & { details?: ErrorDetail[] };
    const response = exception.getResponse();
    let message = exception.message;
    if (typeof response === 'object' && response !== null) {
      const m = (response as { message?: unknown }).message;
      if (typeof m === 'string') message = m;
      else if (Array.isArray(m)) message = m.join('; ');
    } else if (typeof response === 'string') {
      message = response;
    }
    return { status, message, details: withDetails.details };
  }
  if (exception instanceof EntityNotFoundError) return { status: 404, message: 'Resource not found' };
  if (isDbUnavailable(exception)) {
    return {
      status: 503,
      message: `The database is temporarily unavailable; retry in ${DB_RETRY_AFTER_S} s`,
      retryAfterSeconds: DB_RETRY_AFTER_S,
    };
  }
  if (exception instanceof QueryFailedError) {
    if (process.env.GW_DEBUG) console.error(exception);
    const mapped = mapDbError(exception);
    if (mapped) return mapped;
  }
  return { status: 500, message: 'Internal server error' };
}

/** "Too many login attempts; retry in 42 s" from the throttler's Retry-After header (Retry-After-<name> for named throttlers). */
export function throttledMessage(req: { path?: string }, res: { getHeaderNames(): string[]; getHeader(name: string): unknown }): string {
  const header = res.getHeaderNames().find((h) => h.toLowerCase().startsWith('retry-after'));
  const seconds = header ? Number(res.getHeader(header)) : NaN;
  const what = /\/auth\/login$/.test(req.path ?? '')
    ? 'login attempts'
    : /\/auth\/(register|password)/.test(req.path ?? '')
      ? 'attempts'
      : 'requests';
  return Number.isFinite(seconds) && seconds > 0 ? `Too many ${what}; retry in ${Math.ceil(seconds)} s` : `Too many ${what}; retry later`;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<GatewayRequest>();
    const res = ctx.getResponse<Response>();
    const resolved = resolveException(exception);
    if (resolved.status >= 500) {
      if (process.env.GW_DEBUG) console.error(exception);
      this.logger.error({ err: exception, requestId: req.id, path: req.path }, 'unhandled error');
    }
    // 429 (TooManyRequestsException) and 503 (RetryLaterException) carry the seconds to wait
    const retryAfter =
      exception instanceof HttpException ? (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds : resolved.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    // @nestjs/throttler's own message is a class name ("ThrottlerException: Too Many Requests"): say what happened and when to retry
    if (resolved.status === 429 && /^ThrottlerException/.test(resolved.message)) resolved.message = throttledMessage(req, res);
    sendError(req, res, resolved.status, resolved.message, resolved.details);
  }
}
