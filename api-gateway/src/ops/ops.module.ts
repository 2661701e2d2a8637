import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditLogRepository } from './audit-log.repository';
import { ConnectorActionsService } from './connector-actions.service';
import { OpsController } from './ops.controller';
import { PipelineStatusService } from './pipeline-status.service';
import { ConnectClient } from './sources/connect.client';
import { ConsumerLagSource } from './sources/consumer-lag.source';
import { IndexCountSource } from './sources/index-count.source';
import { IndexerStatsSource } from './sources/indexer-stats.source';
import { ReplicationSlotSource } from './sources/replication-slot.source';

/** GET /api/ops/pipeline, POST /api/ops/connector/restart|resume (service API keys). */
@Module({
  imports: [ApiKeysModule],
  controllers: [OpsController],
  providers: [
    PipelineStatusService,
    ConnectorActionsService,
    AuditLogRepository,
    ConnectClient,
    ReplicationSlotSource,
    ConsumerLagSource,
    IndexerStatsSource,
    IndexCountSource,
  ],
})
export class OpsModule {}
