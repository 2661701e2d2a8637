import { addToPlan, dedupeLatest, emptyPlan } from './batch-plan';
import { CdcEvent, parseCdcMessage, PoisonMessageError } from './cdc-event';

const msg = (topic: string, key: object, value: object | null, offset = '0'): CdcEvent | null =>
  parseCdcMessage(topic, 0, offset, Buffer.from(JSON.stringify(key)), value === null ? null : Buffer.from(JSON.stringify(value)));

const row = (extra: object) => ({ __op: 'u', __lsn: 100, __source_ts_ms: 1700000000000, __deleted: 'false', ...extra });

describe('parseCdcMessage', () => {
  it('reads the added Debezium fields', () => {
    const e = msg('commerce.public.products', { id: 5 }, row({ id: 5, __table: 'products', __lsn: 123 }))!;
    expect(e).toMatchObject({ table: 'products', op: 'u', lsn: 123, deleted: false, key: { id: 5 } });
  });

  it('treats rewritten deletes as deleted and skips the null tombstone', () => {
    expect(msg('commerce.public.products', { id: 5 }, row({ id: 5, __op: 'd', __deleted: 'true', __table: 'products' }))!.deleted).toBe(
      true,
    );
    expect(msg('commerce.public.products', { id: 5 }, null)).toBeNull();
  });

  it.each([
    ['not JSON', Buffer.from('{nope')],
    ['an array', Buffer.from('[1]')],
    ['missing __op', Buffer.from(JSON.stringify({ id: 1, __lsn: 1, __source_ts_ms: 1 }))],
    ['a bad __lsn', Buffer.from(JSON.stringify({ id: 1, __op: 'u', __lsn: 'x', __source_ts_ms: 1 }))],
  ])('rejects %s as poison', (_l, value) => {
    expect(() => parseCdcMessage('t', 0, '1', Buffer.from('{"id":1}'), value)).toThrow(PoisonMessageError);
  });
});

describe('batch plan', () => {
  it('maps every table to the products (or orders) it changes', () => {
    const plan = emptyPlan();
    addToPlan(plan, msg('commerce.public.products', { id: 1 }, row({ __table: 'products' }))!);
    addToPlan(plan, msg('commerce.public.inventory', { product_id: 2 }, row({ __table: 'inventory' }))!);
    addToPlan(plan, msg('commerce.public.product_images', { id: 9 }, row({ __table: 'product_images', product_id: 3 }))!);
    addToPlan(plan, msg('commerce.public.categories', { id: 4 }, row({ __table: 'categories' }))!);
    addToPlan(plan, msg('commerce.public.brands', { id: 5 }, row({ __table: 'brands' }))!);
    addToPlan(plan, msg('commerce.public.order_items', { id: 6 }, row({ __table: 'order_items', order_id: 7 }))!);
    expect([...plan.productIds]).toEqual([1, 2, 3]);
    expect([...plan.categoryIds]).toEqual([4]);
    expect([...plan.brandIds]).toEqual([5]);
    expect([...plan.orderIds]).toEqual([7]);
  });

  it('fans out brand/category updates only (inserts and snapshot reads have no products yet)', () => {
    const plan = emptyPlan();
    addToPlan(plan, msg('commerce.public.brands', { id: 5 }, row({ __table: 'brands', __op: 'c' }))!);
    addToPlan(plan, msg('commerce.public.categories', { id: 4 }, row({ __table: 'categories', __op: 'r' }))!);
    expect(plan.brandIds.size + plan.categoryIds.size).toBe(0);
  });

  it('never takes a TOAST placeholder for an id', () => {
    const plan = emptyPlan();
    const e = msg(
      'commerce.public.product_images',
      { id: 9 },
      row({ __table: 'product_images', product_id: '__debezium_unavailable_value' }),
    )!;
    expect(() => addToPlan(plan, e)).toThrow(PoisonMessageError);
  });

  it('records image deletes without product_id as unmapped instead of failing', () => {
    const plan = emptyPlan();
    addToPlan(plan, msg('commerce.public.product_images', { id: 9 }, row({ __table: 'product_images', __op: 'd', __deleted: 'true' }))!);
    expect(plan.unmapped).toHaveLength(1);
    expect(plan.productIds.size).toBe(0);
  });

  it('dedupes per key keeping the highest LSN', () => {
    const events = [
      msg('commerce.public.products', { id: 1 }, row({ __table: 'products', __lsn: 5 }), '1')!,
      msg('commerce.public.products', { id: 1 }, row({ __table: 'products', __lsn: 9 }), '2')!,
      msg('commerce.public.products', { id: 1 }, row({ __table: 'products', __lsn: 7 }), '3')!,
      msg('commerce.public.inventory', { product_id: 1 }, row({ __table: 'inventory', __lsn: 1 }), '4')!,
    ];
    const latest = dedupeLatest(events);
    expect(latest.size).toBe(2);
    expect(latest.get('products:{"id":1}')!.lsn).toBe(9);
  });
});
