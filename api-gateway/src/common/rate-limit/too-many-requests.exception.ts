import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 carrying the seconds after which a retry can succeed; the exception filter sends Retry-After. */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; retry later',
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
