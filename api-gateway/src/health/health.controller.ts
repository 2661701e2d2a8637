import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../common/decorators/public.decorator';
import { RedisHealthIndicator } from './redis.health';
import { SearchHealth, SearchHealthIndicator } from './search.health';

type Ready = HealthCheckResult & {
  checks: { postgres: 'up' | 'down'; redis: 'up' | 'down'; search: SearchHealth['state'] };
  search: SearchHealth;
};

class LiveView {
  @ApiProperty({ example: 'ok' }) status: string;
}

class ReadyChecksView {
  @ApiProperty({ enum: ['up', 'down'] }) postgres: string;
  @ApiProperty({ enum: ['up', 'down'] }) redis: string;
  @ApiProperty({ enum: ['up', 'degraded', 'down'], description: 'reported, does not fail readiness (docs/search.md)' }) search: string;
}

class ReadyView {
  @ApiProperty({ enum: ['ok', 'error'] }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'terminus: the dependencies that are up' }) info: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'terminus: the dependencies that are down' }) error: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'terminus: every dependency' }) details: Record<string, unknown>;
  @ApiProperty({ type: ReadyChecksView }) checks: ReadyChecksView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{state, node: reachable|unreachable, breaker: closed|open|half-open, fallback: postgres|off}',
  })
  search: Record<string, unknown>;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly search: SearchHealthIndicator,
  ) {}

  /** Liveness: the process serves HTTP. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP' })
  @ApiOkResponse({ type: LiveView })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 503 when PostgreSQL or Redis fails. The search node is reported in `checks.search`
   * (up | degraded | down) but does not fail readiness: with the node away the product list is
   * served from PostgreSQL, and taking every gateway out of rotation for it would turn a degraded
   * search into a full outage (docs/search.md, "Degraded search").
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis (fail), the search node (reported in checks.search)' })
  @ApiOkResponse({ type: ReadyView })
  @ApiServiceUnavailableResponse({ type: ReadyView, description: 'PostgreSQL or Redis is down (same body, status "error")' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Ready> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.db.pingCheck('postgres', { timeout: 1500 }), () => this.redis.isHealthy('redis')]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      result = e.getResponse() as HealthCheckResult;
    }
    const up = (key: string): 'up' | 'down' => (result.details?.[key]?.status === 'up' ? 'up' : 'down');
    const search = await this.search.check(up('postgres') === 'up');
    return { ...result, checks: { postgres: up('postgres'), redis: up('redis'), search: search.state }, search };
  }
}
