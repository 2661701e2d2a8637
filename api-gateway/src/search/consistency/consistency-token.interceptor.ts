import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { ConsistencyService } from './consistency.service';

export const CONSISTENCY_HEADER = 'X-Consistency-Token';

/** After a product write, returns the read-your-writes token in X-Consistency-Token. */
@Injectable()
export class ConsistencyTokenInterceptor implements NestInterceptor {
  constructor(private readonly consistency: ConsistencyService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap((body: unknown) =>
        from(
          (async () => {
            const id = (body as { id?: unknown })?.id;
            if (typeof id === 'number') {
              const token = await this.consistency.tokenFor(id);
              res.setHeader(CONSISTENCY_HEADER, token);
              res.setHeader('Access-Control-Expose-Headers', CONSISTENCY_HEADER);
            }
            return body;
          })(),
        ),
      ),
    );
  }
}
