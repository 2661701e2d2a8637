import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { searchEventOf } from './search-event';
import { SearchEventRecorder } from './search-event.recorder';

/**
 * Records every answered product search (GET /api/products) without touching the search code:
 * the controller's result carries `total`; the time is the handler's. Errors are not recorded.
 */
@Injectable()
export class SearchEventsInterceptor implements NestInterceptor {
  constructor(private readonly recorder: SearchEventRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request | undefined>();
    if (context.getType() !== 'http' || !req || req.method !== 'GET' || req.path !== '/api/products') return next.handle();
    const started = process.hrtime.bigint();
    return next.handle().pipe(tap((body: unknown) => {
      const total = (body as { total?: unknown } | null)?.total;
      if (typeof total !== 'number') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.recorder.record(searchEventOf(req.query as Record<string, unknown>, total, ms, new Date()));
    }));
  }
}
