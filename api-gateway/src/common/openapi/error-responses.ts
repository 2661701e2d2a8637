import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'price' }) field: string;
  @ApiProperty({ example: 'price must be ≥ 0' }) message: string;
}

/** The one error shape of the API (common/errors/error-body.ts), as an OpenAPI schema. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Validation failed: price' }) message: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'one entry per offending field (validation, conflicts)' })
  details?: ErrorDetailDto[];
  @ApiProperty({ example: '3f6c1b0e-4c2a-4f1e-9d1a-2b7f6a0c9e11', description: 'also in the X-Request-Id header and the logs' })
  requestId: string;
  @ApiProperty({ example: '/api/products' }) path: string;
  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' }) timestamp: string;
}

/** What each error status means on this API unless a route says more. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `details[]` names each offending field',
  401: 'No valid access token (or API key)',
  403: 'Authenticated, but not allowed (role)',
  404: 'Not found',
  409: 'Conflict with the current state (`details[]` names the field)',
  422: 'Well-formed but not acceptable (e.g. a reference that does not exist)',
  429: 'Too many requests; `Retry-After` says when to retry',
  503: 'Temporarily unavailable; `Retry-After` says when to retry',
};

/**
 * Documents error responses with the error schema: `@ApiErrors(400, 404)` or with a route-specific
 * text `@ApiErrors(400, [503, 'search node away and …'])`.
 */
export function ApiErrors(...statuses: Array<number | [number, string]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((s) => {
      const [status, description] = Array.isArray(s) ? s : [s, ERROR_DESCRIPTIONS[s] ?? 'Error'];
      return ApiResponse({ status, description, type: ErrorBodyDto });
    }),
  );
}
