import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IS_PUBLIC } from '../common/decorators/public.decorator';
import { ApiKeyScope, SERVICE_SCOPE } from './api-key-format';
import { ApiKeyGuard } from './api-key.guard';

/**
 * Marks a route for service-to-service use: it is authenticated by an `X-Api-Key` holding `scope`
 * (ApiKeyGuard), not by a user token (the global user guard skips it). Only routes carrying this
 * decorator accept keys; every other route ignores the header.
 */
export const ServiceRoute = (scope: ApiKeyScope) =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    SetMetadata(SERVICE_SCOPE, scope),
    UseGuards(ApiKeyGuard),
    ApiHeader({ name: 'X-Api-Key', required: true, description: `Service API key with scope ${scope}` }),
    ApiUnauthorizedResponse({ description: 'Missing, unknown, revoked or expired API key' }),
    ApiForbiddenResponse({ description: `The key lacks scope ${scope}` }),
    ApiTooManyRequestsResponse({ description: 'Per-key rate limit; see Retry-After' }),
  );
