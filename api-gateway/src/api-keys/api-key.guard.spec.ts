import { ExecutionContext, HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { SERVICE_SCOPE } from './api-key-format';
import { ApiKeyGuard } from './api-key.guard';
import type { ApiKeyService } from './api-key.service';

function context(
  req: Record<string, unknown>,
  res: Record<string, unknown>,
  meta: Record<string, unknown>,
): { ctx: ExecutionContext; reflector: Reflector } {
  const reflector = { getAllAndOverride: (k: string) => meta[k] } as unknown as Reflector;
  const ctx = {
    getHandler: () => undefined,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
  return { ctx, reflector };
}

describe('ApiKeyGuard', () => {
  const config = { env: { API_KEY_RATE_LIMIT: 2, API_KEY_RATE_TTL_SECONDS: 60 } } as AppConfig;
  const principal = { id: 3, prefix: 'cpk_abcdefgh', scopes: ['ops:read'] };

  it('verifies the X-Api-Key for the route scope and attaches the key', async () => {
    const keys = { verify: jest.fn(async () => principal) };
    const storage = { increment: jest.fn(async () => ({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 })) };
    const req: Record<string, unknown> = { headers: { 'x-api-key': 'cpk_x' } };
    const { ctx, reflector } = context(req, {}, { [SERVICE_SCOPE]: 'ops:read' });
    await expect(new ApiKeyGuard(reflector, keys as unknown as ApiKeyService, config, storage as never).canActivate(ctx)).resolves.toBe(
      true,
    );
    expect(keys.verify).toHaveBeenCalledWith('cpk_x', 'ops:read');
    expect(req.apiKey).toEqual(principal);
    expect(storage.increment).toHaveBeenCalledWith('key:3', 60_000, 2, 60_000, 'api-key');
  });

  it('429 with Retry-After once the key is over its limit', async () => {
    const keys = { verify: jest.fn(async () => principal) };
    const storage = { increment: jest.fn(async () => ({ totalHits: 3, timeToExpire: 40, isBlocked: true, timeToBlockExpire: 40 })) };
    const headers: Record<string, string> = {};
    const { ctx, reflector } = context(
      { headers: { 'x-api-key': 'cpk_x' } },
      { setHeader: (k: string, v: string) => (headers[k] = v) },
      { [SERVICE_SCOPE]: 'ops:read' },
    );
    const err = await new ApiKeyGuard(reflector, keys as unknown as ApiKeyService, config, storage as never)
      .canActivate(ctx)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottlerException);
    expect((err as ThrottlerException).getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS);
    expect(headers['Retry-After']).toBe('40');
  });

  it('refuses a route without a service scope (guard misapplied)', async () => {
    const keys = { verify: jest.fn() };
    const { ctx, reflector } = context({ headers: {} }, {}, {});
    await expect(
      new ApiKeyGuard(reflector, keys as unknown as ApiKeyService, config, { increment: jest.fn() } as never).canActivate(ctx),
    ).resolves.toBe(false);
    expect(keys.verify).not.toHaveBeenCalled();
  });
});
