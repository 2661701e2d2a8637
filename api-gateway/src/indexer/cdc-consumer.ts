import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { SearchSettings } from '../search/search.settings';
import type { CatalogSyncService } from './catalog-sync.service';
import { CdcEvent, parseCdcMessage, PoisonMessageError } from './cdc-event';
import { cdcTopics } from './cdc-topics';
import type { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher';
import type { IndexerMetrics } from './indexer-metrics';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * kafkajs consumer of the Debezium topics. Per batch: parse (poison -> DLQ), apply (re-read,
 * one _bulk, Redis invalidation; retried with backoff while it fails transiently), dead-letter,
 * then commit the offset of the last message. Nothing is committed before ES and Redis succeeded.
 */
export class CdcConsumer {
  private running = false;
  /** Called when kafkajs gives up (non-retriable crash): the process exits and is restarted. */
  onFatal?: (err: Error) => void;

  constructor(
    private readonly consumer: Consumer,
    private readonly settings: SearchSettings,
    private readonly sync: CatalogSyncService,
    private readonly dlq: DeadLetterPublisher,
    private readonly metrics: IndexerMetrics,
    private readonly log: Logger,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  async start(fromBeginning = true): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: cdcTopics(this.settings), fromBeginning });
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      this.log.error({ err: e.payload.error?.message, restart: e.payload.restart }, 'indexer consumer crashed');
      if (!e.payload.restart) {
        this.running = false;
        this.onFatal?.(e.payload.error);
      }
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 8,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.disconnect();
  }

  private async handleBatch({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload): Promise<void> {
    if (!batch.messages.length) return;
    const started = process.hrtime.bigint();
    const letters: DeadLetter[] = [];
    const events: CdcEvent[] = [];
    const byOffset = new Map<string, KafkaMessage>();
    for (const m of batch.messages) {
      byOffset.set(m.offset, m);
      try {
        const e = parseCdcMessage(batch.topic, batch.partition, m.offset, m.key, m.value);
        if (e) events.push(e);
      } catch (err) {
        if (!(err instanceof PoisonMessageError)) throw err;
        letters.push({ topic: batch.topic, partition: batch.partition, message: m, error: err.message });
      }
    }

    for (let attempt = 0; events.length; attempt++) {
      if (!isRunning() || isStale()) return; // rebalanced away: the next owner re-applies from the last commit
      try {
        const result = await this.sync.apply(events, heartbeat);
        for (const p of result.poison) {
          letters.push({ topic: batch.topic, partition: batch.partition, message: byOffset.get(p.event.offset)!, error: p.error });
        }
        break;
      } catch (err) {
        const delay = Math.min(30000, 200 * 2 ** Math.min(attempt, 8));
        this.log.warn(
          { err: (err as Error).message, topic: batch.topic, partition: batch.partition, attempt, delay },
          'batch failed, retrying',
        );
        await sleep(delay);
        await heartbeat();
      }
    }

    if (letters.length) {
      await this.dlq.publish(letters);
      for (const l of letters) this.metrics.dlq.inc({ topic: l.topic });
      this.log.warn({ count: letters.length, topic: batch.topic, first: letters[0].error }, 'dead-lettered messages');
    }
    const last = batch.messages[batch.messages.length - 1].offset;
    resolveOffset(last);
    try {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    } catch (err) {
      // rebalanced while applying: the new owner re-applies from the last commit (idempotent, versioned)
      this.log.warn({ err: (err as Error).message, topic: batch.topic, partition: batch.partition }, 'offset commit failed');
      return;
    }
    const lag = Number(BigInt(batch.highWatermark) - BigInt(last) - 1n);
    this.metrics.lag.set({ topic: batch.topic, partition: String(batch.partition) }, Math.max(0, lag));
    this.metrics.batchSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    await heartbeat();
  }
}
