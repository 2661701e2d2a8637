import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger';
import { describeEsError, SEARCH_CLIENT, SearchClient } from '../search/es/es-client';
import { dailyIndex, expiredIndices, SearchEvent } from './search-event';
import { SEARCH_EVENTS_TEMPLATE } from './search-events.template';

export const SEARCH_EVENTS_OPTIONS = Symbol('SEARCH_EVENTS_OPTIONS');
const PREPARE_FIRST_BACKOFF_MS = 1_000;
const PREPARE_MAX_BACKOFF_MS = 30_000;
export interface SearchEventsOptions {
  enabled: boolean;
  prefix: string;
  /** Flush when this many events wait, or every flushMs. */
  batchSize: number;
  flushMs: number;
  /** Beyond this many waiting events new ones are dropped (counted), never blocking a request. */
  maxBuffered: number;
  retentionDays: number;
}

/**
 * Collects search events in memory and writes them to Elasticsearch in batches (bulk), off the
 * request path: record() only pushes to an array. A failed bulk is logged and dropped (analytics,
 * not data). Daily indices; those older than retentionDays are deleted at start and every 6 h.
 * Nothing is written before the index template is installed (a daily index created without it would
 * get dynamic mappings): a search node that is not up yet when the gateway starts, as during
 * `make up`, is retried with backoff while events wait in the bounded buffer.
 */
@Injectable()
export class SearchEventRecorder implements OnModuleInit, OnApplicationShutdown {
  private buffer: SearchEvent[] = [];
  private dropped = 0;
  private timer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private prepareTimer?: NodeJS.Timeout;
  private templateInstalled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    @Inject(SEARCH_EVENTS_OPTIONS) private readonly options: SearchEventsOptions,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    if (!this.options.enabled) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
    this.retentionTimer = setInterval(() => void this.applyRetention(), 6 * 3600_000);
    this.retentionTimer.unref();
    void this.prepare();
  }

  record(event: SearchEvent): void {
    if (!this.options.enabled) return;
    if (this.buffer.length >= this.options.maxBuffered) {
      this.dropped++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.options.batchSize) void this.flush();
  }

  /** Writes what is buffered (one bulk per call, calls serialized). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBatch());
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.retentionTimer);
    clearTimeout(this.prepareTimer);
    await this.flush();
  }

  private async writeBatch(): Promise<void> {
    if (this.buffer.length === 0 || !this.templateInstalled) return;
    const batch = this.buffer;
    this.buffer = [];
    const operations = batch.flatMap((e) => [{ create: { _index: dailyIndex(this.options.prefix, new Date(e.timestamp)) } }, e]);
    try {
      const res = await this.es.bulk({ operations, refresh: false });
      if (res.errors) this.log.warn({ component: 'search-events', count: batch.length }, 'some search events were not stored');
    } catch (err) {
      this.log.warn({ component: 'search-events', count: batch.length, err: describeEsError(err) }, 'search events dropped');
    }
    if (this.dropped) {
      this.log.warn({ component: 'search-events', dropped: this.dropped }, 'search events dropped: buffer full');
      this.dropped = 0;
    }
  }

  private async prepare(attempt = 0): Promise<void> {
    try {
      await this.es.indices.putIndexTemplate({ name: this.options.prefix, ...SEARCH_EVENTS_TEMPLATE(this.options.prefix) });
    } catch (err) {
      const retryMs = Math.min(PREPARE_MAX_BACKOFF_MS, PREPARE_FIRST_BACKOFF_MS * 2 ** attempt);
      this.log.warn({ component: 'search-events', err: describeEsError(err), retryMs }, 'search events template not installed yet');
      this.prepareTimer = setTimeout(() => void this.prepare(attempt + 1), retryMs);
      this.prepareTimer.unref();
      return;
    }
    this.templateInstalled = true;
    try {
      await this.applyRetention();
    } catch (err) {
      this.log.warn({ component: 'search-events', err: describeEsError(err) }, 'search events retention failed');
    }
  }

  /** Deletes the daily indices older than the retention (by name: wildcard deletes are refused). */
  async applyRetention(now = new Date()): Promise<string[]> {
    const existing = (await this.es.cat.indices({ index: `${this.options.prefix}-*`, format: 'json', h: 'index' })) as Array<{
      index?: string;
    }>;
    const expired = expiredIndices(
      this.options.prefix,
      existing.map((i) => i.index ?? ''),
      this.options.retentionDays,
      now,
    );
    if (expired.length) await this.es.indices.delete({ index: expired.join(',') });
    return expired;
  }
}
