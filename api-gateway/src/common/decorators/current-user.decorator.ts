import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { GatewayRequest } from '../http/request-context';

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<GatewayRequest>().user;
});
