import { CdcEvent, idField, PoisonMessageError } from './cdc-event';

/** What one batch of events asks the indexer to re-read (deduplicated per key). */
export interface BatchPlan {
  productIds: Set<number>;
  categoryIds: Set<number>;
  brandIds: Set<number>;
  orderIds: Set<number>;
  /** Events that name no product we can find (an image row deleted without its product_id). */
  unmapped: CdcEvent[];
}

const required = (e: CdcEvent, from: Record<string, unknown>, field: string): number => {
  const id = idField(from, field);
  if (id === undefined) throw new PoisonMessageError(`${e.table} event has no valid ${field}`);
  return id;
};

/** Dedupes events per key keeping the highest LSN (the re-read makes the newest state win anyway). */
export function dedupeLatest(events: CdcEvent[]): Map<string, CdcEvent> {
  const latest = new Map<string, CdcEvent>();
  for (const e of events) {
    const key = `${e.table}:${JSON.stringify(e.key)}`;
    const prev = latest.get(key);
    if (!prev || e.lsn >= prev.lsn) latest.set(key, e);
  }
  return latest;
}

/**
 * Maps one event to the entities it changes. Throws PoisonMessageError when a key is unusable,
 * so the caller can dead-letter exactly that message.
 */
export function addToPlan(plan: BatchPlan, e: CdcEvent): void {
  switch (e.table) {
    case 'products':
      plan.productIds.add(required(e, e.key, 'id'));
      return;
    case 'inventory':
      plan.productIds.add(required(e, e.key, 'product_id'));
      return;
    case 'product_images': {
      const productId = idField(e.value, 'product_id');
      if (productId === undefined) {
        if (e.deleted)
          plan.unmapped.push(e); // REPLICA IDENTITY DEFAULT: a delete carries only the image id
        else throw new PoisonMessageError('product_images event has no valid product_id');
      } else plan.productIds.add(productId);
      return;
    }
    // A new (or snapshot-read) brand/category has no products yet: their own events cover them.
    // Only an update (rename, move) fans out; deletes are impossible while products reference them.
    case 'categories': {
      const id = required(e, e.key, 'id');
      if (e.op === 'u') plan.categoryIds.add(id);
      return;
    }
    case 'brands': {
      const id = required(e, e.key, 'id');
      if (e.op === 'u') plan.brandIds.add(id);
      return;
    }
    case 'orders':
      plan.orderIds.add(required(e, e.key, 'id'));
      return;
    case 'order_items': {
      const orderId = idField(e.value, 'order_id');
      if (orderId !== undefined) plan.orderIds.add(orderId);
      else if (!e.deleted) throw new PoisonMessageError('order_items event has no valid order_id');
      return;
    }
    default:
      throw new PoisonMessageError(`unexpected table ${JSON.stringify(e.table)}`);
  }
}

export function emptyPlan(): BatchPlan {
  return { productIds: new Set(), categoryIds: new Set(), brandIds: new Set(), orderIds: new Set(), unmapped: [] };
}
