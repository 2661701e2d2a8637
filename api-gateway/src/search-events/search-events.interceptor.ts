import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { RECORD_SEARCH } from './record-search.decorator';
import { searchEventOf } from './search-event';
import { SearchEventRecorder } from './search-event.recorder';

/**
 * Records every answered product search of a handler marked @RecordSearch() without touching the
 * search code: the handler's result carries `total`; the time is the handler's. Errors are not recorded.
 */
@Injectable()
export class SearchEventsInterceptor implements NestInterceptor {
  constructor(
    private readonly recorder: SearchEventRecorder,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(RECORD_SEARCH, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const started = process.hrtime.bigint();
    return next.handle().pipe(
      tap((body: unknown) => {
        const total = (body as { total?: unknown } | null)?.total;
        if (typeof total !== 'number') return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        this.recorder.record(searchEventOf(req.query as Record<string, unknown>, total, ms, new Date()));
      }),
    );
  }
}
