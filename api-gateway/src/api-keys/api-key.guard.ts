import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import type { GatewayRequest } from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { API_KEY_HEADER, SERVICE_SCOPE } from './api-key-format';
import { ApiKeyService } from './api-key.service';

export const API_KEY_THROTTLE_STORAGE = Symbol('API_KEY_THROTTLE_STORAGE');

/** Route guard of @ServiceRoute: verifies the key for the route's scope, then counts it against its per-key limit. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly config: AppConfig,
    @Inject(API_KEY_THROTTLE_STORAGE) private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<string | undefined>(SERVICE_SCOPE, [context.getHandler(), context.getClass()]);
    if (!scope) return false;
    const http = context.switchToHttp();
    const req = http.getRequest<GatewayRequest>();
    const header = req.headers[API_KEY_HEADER];
    const key = await this.keys.verify(Array.isArray(header) ? header[0] : header, scope);
    req.apiKey = key;
    const ttlMs = this.config.env.API_KEY_RATE_TTL_SECONDS * 1000;
    const r = await this.storage.increment(`key:${key.id}`, ttlMs, this.config.env.API_KEY_RATE_LIMIT, ttlMs, 'api-key');
    if (r.isBlocked) {
      http.getResponse<Response>().setHeader('Retry-After', String(Math.max(1, r.timeToBlockExpire)));
      throw new ThrottlerException(`Rate limit of API key ${key.prefix} exceeded`);
    }
    return true;
  }
}
