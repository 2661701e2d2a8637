import { Inject, Injectable } from '@nestjs/common';
import { ProductCacheInvalidator } from '../catalog/product-cache.service';
import { BulkOutcome, writeDocuments } from '../search/documents/bulk-writer';
import { OrderDocumentSource } from '../search/documents/order-document.source';
import { ProductDocumentSource } from '../search/documents/product-document.source';
import { SEARCH_CLIENT, SearchClient } from '../search/es/es-client';
import { IndexManager } from '../search/index/index-manager';
import { SearchSettings } from '../search/search.settings';
import { addToPlan, dedupeLatest, emptyPlan } from './batch-plan';
import { CdcEvent, PoisonMessageError } from './cdc-event';
import { IndexerMetrics } from './indexer-metrics';
import { INDEXER_OPTIONS, IndexerOptions } from './indexer-options';
import { RefreshCoalescer } from './refresh-coalescer';

export interface SyncResult {
  /** Events that can never be applied (bad key, document rejected by the mapping): dead-letter them. */
  poison: Array<{ event: CdcEvent; error: string }>;
}

/** A transient failure (ES 429/5xx on some items): the batch is retried, offsets stay uncommitted. */
export class RetryableSyncError extends Error {}

const CHUNK = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Applies a batch of CDC events: re-reads the affected products/orders from PostgreSQL in one
 * query set per chunk, writes them with one _bulk per chunk into every index behind the write
 * alias, then invalidates the Redis caches. Throws (so nothing is committed) on transient errors.
 */
@Injectable()
export class CatalogSyncService {
  /** Concurrent batches (one per partition) share refreshes of every index behind the write alias. */
  private readonly refresher = new RefreshCoalescer(async () => {
    await this.es.indices.refresh({ index: this.settings.productsWriteAlias });
  });

  /** `refresh` (default): explicit refresh after each batch; `wait_for`: bulk waits for the periodic refresh. */
  private readonly refresh: 'wait_for' | 'refresh';

  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly indexes: IndexManager,
    private readonly products: ProductDocumentSource,
    private readonly orders: OrderDocumentSource,
    private readonly invalidator: ProductCacheInvalidator,
    private readonly metrics: IndexerMetrics,
    @Inject(INDEXER_OPTIONS) options: IndexerOptions = {},
  ) {
    this.refresh = options.refresh ?? 'refresh';
  }

  /** `progress` is called between chunks (the consumer heartbeats there during big fan-outs). */
  async apply(events: CdcEvent[], progress: () => Promise<void> = async () => undefined): Promise<SyncResult> {
    const plan = emptyPlan();
    const poison: SyncResult['poison'] = [];
    for (const e of dedupeLatest(events).values()) {
      try {
        addToPlan(plan, e);
      } catch (err) {
        if (err instanceof PoisonMessageError) poison.push({ event: e, error: err.message });
        else throw err;
      }
    }
    if (plan.unmapped.length) this.metrics.unmapped.inc(plan.unmapped.length);

    const fanOut = await Promise.all([
      this.products.idsInCategorySubtrees([...plan.categoryIds]),
      this.products.idsOfBrands([...plan.brandIds]),
    ]);
    const productIds = [...new Set([...plan.productIds, ...fanOut.flat()])].sort((a, b) => a - b);
    const orderIds = [...plan.orderIds];

    const rejectedProducts = await this.syncProducts(productIds, progress);
    await this.syncOrders(orderIds);
    if (productIds.length) await this.timed('invalidate', () => this.invalidator.invalidateProducts(productIds));

    const now = Date.now();
    this.metrics.activity.record(events.length, now);
    for (const e of events) {
      this.metrics.events.inc({ table: e.table });
      if (e.op !== 'r') this.metrics.freshness.observe(Math.max(0, now - e.sourceTsMs) / 1000);
    }
    for (const e of events) {
      const id = e.table === 'products' ? Number(e.key.id) : e.table === 'inventory' ? Number(e.key.product_id) : undefined;
      const reason = id !== undefined ? rejectedProducts.get(id) : undefined;
      if (reason) poison.push({ event: e, error: `index rejected product ${id}: ${reason}` });
    }
    return { poison };
  }

  /** Returns product id -> reason for documents the index rejected for good. */
  private async syncProducts(ids: number[], progress: () => Promise<void>): Promise<Map<number, string>> {
    const rejected = new Map<number, string>();
    if (!ids.length) return rejected;
    const targets = await this.indexes.indicesOf(this.settings.productsWriteAlias);
    if (!targets.length) throw new RetryableSyncError(`no index behind alias ${this.settings.productsWriteAlias}`);
    const parts = chunks(ids, CHUNK);
    for (let i = 0; i < parts.length; i++) {
      const docs = await this.timed('read', () => this.products.load(parts[i]));
      const last = i === parts.length - 1;
      const outcome = await this.timed('bulk', () =>
        writeDocuments(this.es, targets, docs, last && this.refresh === 'wait_for' ? 'wait_for' : false),
      );
      this.count('products', outcome);
      if (outcome.retryable.length) throw new RetryableSyncError(`bulk: ${outcome.retryable[0].reason}`);
      for (const r of outcome.rejected) rejected.set(Number(r.id), r.reason);
      await progress();
    }
    if (this.refresh === 'refresh') await this.timed('refresh', () => this.refresher.request());
    return rejected;
  }

  private async syncOrders(ids: number[]): Promise<void> {
    if (!ids.length) return;
    const targets = await this.indexes.indicesOf(this.settings.ordersWriteAlias);
    if (!targets.length) throw new RetryableSyncError(`no index behind alias ${this.settings.ordersWriteAlias}`);
    for (const part of chunks(ids, CHUNK)) {
      const docs = await this.orders.load(part, await this.products.currentLsn());
      const outcome = await writeDocuments(this.es, targets, docs);
      this.count('orders', outcome);
      if (outcome.retryable.length) throw new RetryableSyncError(`bulk: ${outcome.retryable[0].reason}`);
    }
  }

  private async timed<T>(phase: 'read' | 'bulk' | 'refresh' | 'invalidate', run: () => Promise<T>): Promise<T> {
    const end = this.metrics.phaseSeconds.startTimer({ phase });
    try {
      return await run();
    } finally {
      end();
    }
  }

  private count(index: string, o: BulkOutcome): void {
    this.metrics.documents.inc({ index, result: 'written' }, o.written);
    this.metrics.documents.inc({ index, result: 'stale' }, o.stale);
    this.metrics.documents.inc({ index, result: 'rejected' }, o.rejected.length);
  }
}
