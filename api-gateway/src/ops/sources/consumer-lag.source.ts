import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { AppConfig } from '../../config/app-config';
import { cdcTopics } from '../../indexer/cdc-topics';
import { SearchSettings } from '../../search/search.settings';

export interface ConsumerLagReport {
  groupId: string;
  state: string;
  members: number;
  /** Sum over partitions of high watermark - committed offset. */
  lag: number;
  partitions: Array<{ topic: string; partition: number; committed: number; high: number; lag: number }>;
}

/** Lag of the indexer's consumer group (INDEXER_GROUP_ID) from Kafka's own offsets, not from the indexer. */
@Injectable()
export class ConsumerLagSource implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly settings: SearchSettings,
    private readonly config: AppConfig,
  ) {}

  async read(): Promise<ConsumerLagReport> {
    const groupId = this.settings.INDEXER_GROUP_ID;
    try {
      const admin = await this.client();
      const topics = cdcTopics(this.settings);
      const [{ groups }, committed] = await Promise.all([admin.describeGroups([groupId]), admin.fetchOffsets({ groupId, topics })]);
      const watermarks = await Promise.all(committed.map(({ topic }) => admin.fetchTopicOffsets(topic)));
      const partitions: ConsumerLagReport['partitions'] = [];
      committed.forEach(({ topic, partitions: parts }, i) => {
        const ends = new Map(watermarks[i].map((p) => [p.partition, { high: Number(p.high), low: Number(p.low) }]));
        for (const p of parts) {
          const { high, low } = ends.get(p.partition) ?? { high: 0, low: 0 };
          // -1 = nothing committed yet: the group reads from the beginning, so all of it is behind
          const position = Number(p.offset) < 0 ? low : Number(p.offset);
          partitions.push({ topic, partition: p.partition, committed: Number(p.offset), high, lag: Math.max(0, high - position) });
        }
      });
      const group = groups[0];
      return {
        groupId,
        state: group?.state ?? 'Unknown',
        members: group?.members.length ?? 0,
        lag: partitions.reduce((n, p) => n + p.lag, 0),
        partitions,
      };
    } catch (err) {
      await this.reset();
      throw err;
    }
  }

  private client(): Promise<Admin> {
    this.admin ??= (async () => {
      const timeout = this.config.env.OPS_SOURCE_TIMEOUT_MS;
      const kafka = new Kafka({
        clientId: 'gateway-ops',
        brokers: this.settings.brokers,
        connectionTimeout: Math.min(timeout, 1000),
        requestTimeout: timeout,
        // kafkajs needs at least one retry to fill its broker pool on connect
        retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
        logLevel: logLevel.NOTHING,
      });
      const admin = kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private async reset(): Promise<void> {
    const pending = this.admin;
    this.admin = undefined;
    await pending?.then((a) => a.disconnect()).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }
}
