// Pure logic of the storefront (no browser): bundled from the TypeScript sources with esbuild
// (Vite's own bundler) and imported from memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { STOREFRONT_DIR } from './support.mjs';

async function load(file) {
  const out = await build({ entryPoints: [join(STOREFRONT_DIR, 'src', file)], bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
const { orderFacetValues, pickAttributeFacets, sizeRank } = await load('facets.ts');
const { CheckoutAttempt, stockProblem } = await load('checkout.ts');

test('numeric facet values are ordered by value, words by count then name', () => {
  const v = (value, count) => ({ value, count });
  assert.deepEqual(orderFacetValues([v('6', 22), v('12', 15), v('9', 16), v('10', 14)]).map((x) => x.value), ['6', '9', '10', '12']);
  assert.deepEqual(orderFacetValues([v('teal', 3), v('beige', 9), v('black', 3)]).map((x) => x.value), ['beige', 'black', 'teal']);
  assert.deepEqual(orderFacetValues([v('2', 1), v('xl', 5)]).map((x) => x.value), ['xl', '2'], 'mixed values are words');
});

test('clothing sizes are ordered by size when every value of the facet is a size; otherwise by count', () => {
  const v = (value, count) => ({ value, count });
  const order = (vals) => orderFacetValues(vals).map((x) => x.value);
  // the audit's case: by count this read "l, m, xxl, xl, s, xs"
  assert.deepEqual(order([v('l', 40), v('m', 35), v('xxl', 30), v('xl', 25), v('s', 20), v('xs', 10)]), ['xs', 's', 'm', 'l', 'xl', 'xxl']);
  assert.deepEqual(order([v('one-size', 50), v('xxxl', 1), v('xxs', 2), v('3xl', 1), v('2xl', 3), v('m', 9)]), ['xxs', 'm', '2xl', '3xl', 'xxxl', 'one-size']);
  assert.deepEqual(order([v('XL', 1), v('S', 2), v('One Size', 3)]), ['S', 'XL', 'One Size'], 'case and spaces do not matter');
  assert.deepEqual(order([v('xxl', 2), v('2xl', 5)]), ['2xl', 'xxl'], 'one size written two ways: by count');
  // one value that is not a size keeps the whole facet in count order
  assert.deepEqual(order([v('s', 1), v('m', 5), v('black', 3)]), ['m', 'black', 's']);
  assert.deepEqual(order([v('small', 1), v('large', 5)]), ['large', 'small'], 'spelled-out words are not in the list');
  for (const word of ['', 'xxxxxl', 'x', 'ml', 'sl', '1xl', 'xls', 'mm', 'e27']) assert.equal(sizeRank(word), null, word);
  assert.ok(sizeRank('xxl') === sizeRank('2xl') && sizeRank('xxxl') === sizeRank('3xl') && sizeRank('xxs') === sizeRank('2xs'));
  // numbers still by value (a size chart of 38, 40, 42 is numeric)
  assert.deepEqual(order([v('42', 9), v('38', 1), v('40', 4)]), ['38', '40', '42']);
});

test('attribute facets by coverage of the results; a selected one always stays', () => {
  const facets = {
    brand: [{ value: 'acme', count: 100 }],
    'attr.color': [{ value: 'red', count: 60 }, { value: 'blue', count: 40 }],          // 100 %
    'attr.blade_cm': [{ value: '12', count: 1 }, { value: '20', count: 1 }],           // 2 %
    'attr.material': [{ value: 'steel', count: 20 }, { value: 'wood', count: 15 }],     // 35 %
    'attr.bulb': [{ value: 'e27', count: 90 }],                                         // one value: nothing to choose
  };
  assert.deepEqual(pickAttributeFacets(facets, 100, new Set()).map((f) => f.name), ['color', 'material']);
  assert.deepEqual(pickAttributeFacets(facets, 100, new Set(['blade_cm'])).map((f) => f.name), ['blade_cm', 'color', 'material']);
  assert.equal(pickAttributeFacets(facets, 100, new Set())[0].coverage, 1);
});

test('one Idempotency-Key per checkout attempt', () => {
  const attempt = new CheckoutAttempt();
  const body = { items: [{ productId: 1, quantity: 2 }] };
  const first = attempt.keyFor(body);
  assert.match(first, /^[0-9a-f-]{36}$/);
  assert.equal(attempt.keyFor({ ...body }), first, 'a second click / a retry without an answer: the same key');
  assert.notEqual(attempt.keyFor({ items: [{ productId: 1, quantity: 3 }] }), first, 'another body is another attempt');
  const again = attempt.keyFor(body);
  attempt.finish();
  assert.notEqual(attempt.keyFor(body), again, 'after an answer from the server, a new attempt');
});

test('the out-of-stock answer names the cart line and the available quantity', () => {
  const lines = [{ productId: 7, name: 'Kettle', quantity: 1 }, { productId: 42, name: 'Lamp', quantity: 5 }];
  const p = stockProblem('Insufficient stock for product 42 (LMP-1): requested 5, available 2', 'items[1].productId', lines);
  assert.deepEqual({ name: p.line.name, requested: p.requested, available: p.available }, { name: 'Lamp', requested: 5, available: 2 });
  assert.equal(stockProblem('Something else', 'items[0].productId', lines), null);
});
