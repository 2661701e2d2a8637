import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 503 for a dependency that is away for a while (e.g. the search node when no fallback can answer):
 * the exception filter sends `Retry-After: <retryAfterSeconds>` with the error body.
 */
export class RetryLaterException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
