import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-responses';
import { ServiceRoute } from '../api-keys/service-route.decorator';
import type { GatewayRequest } from '../common/http/request-context';
import { ConnectorActionsService } from './connector-actions.service';
import { ConnectorActionDto, ConnectorActionResult } from './dto/connector-action.dto';
import { PipelineStatusService } from './pipeline-status.service';

/** Operations API for services (the admin's Pipeline page): service API keys only, never user tokens. */
@ApiTags('ops')
@Controller('ops')
export class OpsController {
  constructor(
    private readonly status: PipelineStatusService,
    private readonly actions: ConnectorActionsService,
  ) {}

  @Get('pipeline')
  @ApiOperation({ summary: 'CDC pipeline status: connector, replication slot, consumer lag, index count, indexer rate' })
  @ServiceRoute('ops:read')
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['generatedAt', 'healthy', 'connector', 'replicationSlot', 'consumerGroup', 'indexer', 'index'],
      properties: {
        generatedAt: { type: 'string', format: 'date-time' },
        healthy: { type: 'boolean', description: 'connector and every task RUNNING, and every section readable' },
        ...Object.fromEntries(
          ['connector', 'replicationSlot', 'consumerGroup', 'indexer', 'index'].map((k) => [
            k,
            {
              type: 'object',
              properties: { status: { type: 'string', enum: ['ok', 'unavailable'] }, reason: { type: 'string' } },
              additionalProperties: true,
            },
          ]),
        ),
      },
    },
    description: 'CDC pipeline report; every section is {status:"ok", ...} or {status:"unavailable", reason} (docs/api.md)',
  })
  pipeline() {
    return this.status.report();
  }

  @Post('connector/restart')
  @ApiOperation({ summary: 'Restart the Debezium connector and its tasks (audited)' })
  @ApiErrors(400)
  @HttpCode(202)
  @ServiceRoute('ops:write')
  @ApiAcceptedResponse({
    type: ConnectorActionResult,
    description: 'Restart (connector + all tasks) requested; a PAUSED/STOPPED connector is resumed instead',
  })
  @ApiNotFoundResponse({ description: 'The connector is not registered' })
  @ApiServiceUnavailableResponse({ description: 'Kafka Connect unreachable' })
  @ApiBadGatewayResponse({ description: 'Kafka Connect refused the request' })
  restart(@Body() dto: ConnectorActionDto, @Req() req: GatewayRequest): Promise<ConnectorActionResult> {
    return this.actions.restart(dto, req.apiKey!, req.ip);
  }

  @Post('connector/resume')
  @ApiOperation({ summary: 'Resume a paused or stopped Debezium connector (audited)' })
  @ApiErrors(400)
  @HttpCode(202)
  @ServiceRoute('ops:write')
  @ApiAcceptedResponse({ type: ConnectorActionResult, description: 'Resume of a PAUSED/STOPPED connector requested (no-op when running)' })
  @ApiNotFoundResponse({ description: 'The connector is not registered' })
  @ApiServiceUnavailableResponse({ description: 'Kafka Connect unreachable' })
  resume(@Body() dto: ConnectorActionDto, @Req() req: GatewayRequest): Promise<ConnectorActionResult> {
    return this.actions.resume(dto, req.apiKey!, req.ip);
  }
}
