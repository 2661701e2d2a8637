import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OPTIONAL_AUTH } from '../../common/decorators/optional-auth.decorator';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import type { GatewayRequest } from '../../common/http/request-context';
import { AuthService } from '../auth.service';
import { accessTokenFrom } from '../request-token';

export { bearerToken } from '../request-token';

/** Global guard: every route needs a valid access token (Bearer, else the access_token cookie) unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    const source = accessTokenFrom(req.headers);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) && (source.via === 'bearer' || source.via === 'cookie')) {
        req.user = await this.auth.authenticate(source.token).catch(() => undefined);
      }
      return true;
    }
    if (source.via === 'malformed') throw new UnauthorizedException('Invalid token: expected "Authorization: Bearer <access token (JWT)>"');
    if (source.via === 'none')
      throw new UnauthorizedException('Authentication required: send "Authorization: Bearer <access token>" or the access_token cookie');
    req.user = await this.auth.authenticate(source.token);
    return true;
  }
}
