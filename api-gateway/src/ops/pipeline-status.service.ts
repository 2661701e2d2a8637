import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { section, Section } from './section';
import { ConnectClient, ConnectorStatus } from './sources/connect.client';
import { ConsumerLagReport, ConsumerLagSource } from './sources/consumer-lag.source';
import { IndexCountReport, IndexCountSource } from './sources/index-count.source';
import { IndexerStats, IndexerStatsSource } from './sources/indexer-stats.source';
import { ReplicationSlotReport, ReplicationSlotSource } from './sources/replication-slot.source';

export interface PipelineReport {
  generatedAt: string;
  /** Connector and every task RUNNING, and every section readable. */
  healthy: boolean;
  connector: Section<ConnectorStatus>;
  replicationSlot: Section<ReplicationSlotReport>;
  consumerGroup: Section<ConsumerLagReport>;
  indexer: Section<IndexerStats>;
  index: Section<IndexCountReport>;
}

export const REPORT_REUSE_MS = 1000;

/** Reads every source in parallel, each under OPS_SOURCE_TIMEOUT_MS, so the report always comes back quickly. */
@Injectable()
export class PipelineStatusService {
  constructor(
    private readonly config: AppConfig,
    private readonly connect: ConnectClient,
    private readonly slot: ReplicationSlotSource,
    private readonly lag: ConsumerLagSource,
    private readonly indexerStats: IndexerStatsSource,
    private readonly counts: IndexCountSource,
  ) {}

  private recent?: { at: number; report: Promise<PipelineReport> };

  /**
   * Requests within REPORT_REUSE_MS share one read of the sources: several open Pipeline pages
   * refreshing every few seconds cost the sources one read per second at most.
   */
  report(): Promise<PipelineReport> {
    const now = Date.now();
    if (!this.recent || now - this.recent.at >= REPORT_REUSE_MS) this.recent = { at: now, report: this.read() };
    return this.recent.report;
  }

  private async read(): Promise<PipelineReport> {
    const ms = this.config.env.OPS_SOURCE_TIMEOUT_MS;
    const [connector, replicationSlot, consumerGroup, indexer, index] = await Promise.all([
      section('Kafka Connect', ms, () => this.connect.status()),
      section('PostgreSQL', ms, () => this.slot.read()),
      section('Kafka', ms, () => this.lag.read()),
      section('the indexer', ms, () => this.indexerStats.read()),
      section('the search index', ms, () => this.counts.read()),
    ]);
    const running =
      connector.status === 'ok' &&
      connector.state === 'RUNNING' &&
      connector.tasks.length > 0 &&
      connector.tasks.every((t) => t.state === 'RUNNING');
    const allRead = [replicationSlot, consumerGroup, indexer, index].every((s) => s.status === 'ok');
    return {
      generatedAt: new Date().toISOString(),
      healthy: running && allRead,
      connector,
      replicationSlot,
      consumerGroup,
      indexer,
      index,
    };
  }
}
