// Kibana saved objects (elasticsearch/kibana/saved-objects.ndjson, imported by Compose's
// kibana-import job): valid NDJSON, every reference resolves, and every field a data view,
// visualization or query names exists in our index mappings (elasticsearch/index/<index>.json)
// and can be aggregated where it is aggregated (no text, no nested fields in legacy aggregations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support.mjs';

const objects = readFileSync(`${ROOT}elasticsearch/kibana/saved-objects.ndjson`, 'utf8').trim().split('\n').map((line, i) => {
  try { return JSON.parse(line); } catch (e) { throw new Error(`line ${i + 1} is not JSON: ${e.message}`); }
});

/** field path -> {type, nested} from a mapping, with multi-fields (name.keyword). */
function fieldsOf(index) {
  const out = new Map();
  const walk = (props, prefix, nested) => {
    for (const [name, def] of Object.entries(props)) {
      const path = prefix + name;
      const isNested = nested || def.type === 'nested';
      out.set(path, { type: def.type ?? 'object', nested: isNested && def.type !== 'nested' });
      for (const [sub, subDef] of Object.entries(def.fields ?? {})) out.set(`${path}.${sub}`, { type: subDef.type, nested: isNested });
      if (def.properties) walk(def.properties, `${path}.`, isNested);
    }
  };
  // a daily-index pattern (search-events-*) has its mapping in the file of its prefix
  walk(JSON.parse(readFileSync(`${ROOT}elasticsearch/index/${index.replace(/-\*$/, '')}.json`, 'utf8')).mappings.properties, '', false);
  return out;
}
const AGGREGATABLE = new Set(['keyword', 'long', 'integer', 'short', 'double', 'float', 'date', 'boolean']);
const byId = new Map(objects.map((o) => [`${o.type}:${o.id}`, o]));
const dataViewIndex = (id) => byId.get(`index-pattern:${id}`)?.attributes.title;

/** KQL field names of a simple query: `a:b and c:(x or y)`. */
const kqlFields = (q) => [...q.matchAll(/([A-Za-z_][\w.]*)\s*:/g)].map((m) => m[1]);

test('every line is a saved object with type, id and attributes; ids are unique', () => {
  assert.ok(objects.length >= 5);
  for (const o of objects) {
    assert.ok(['index-pattern', 'visualization', 'dashboard'].includes(o.type), o.type);
    assert.match(o.id, /^[a-z0-9-]+$/);
    assert.equal(typeof o.attributes.title, 'string');
  }
  assert.equal(byId.size, objects.length, 'unique type:id');
});

test('every reference points to an object in the file', () => {
  for (const o of objects) for (const r of o.references) assert.ok(byId.has(`${r.type}:${r.id}`), `${o.id} -> ${r.type}:${r.id}`);
});

test('data views name our index aliases and an existing date field', () => {
  for (const o of objects.filter((x) => x.type === 'index-pattern')) {
    const fields = fieldsOf(o.attributes.title);
    if (o.attributes.timeFieldName) assert.equal(fields.get(o.attributes.timeFieldName)?.type, 'date', `${o.id} time field`);
  }
});

/**
 * A Vega visualization runs its own Elasticsearch request (spec.data.url: index + body): every
 * aggregation field exists and is aggregatable, a `nested` aggregation names a nested field and
 * fields below it are inside that path (outside it they are not), every query field exists.
 */
function checkVegaRequest(o, fieldsFor, titles) {
  const spec = JSON.parse(JSON.parse(o.attributes.visState).params.spec);
  const { index, body } = spec.data.url;
  assert.ok(titles.includes(index), `${o.id}: index ${index} is not one of our data views`);
  const fields = fieldsFor(index);
  const walkAggs = (aggs, nestedPath) => {
    for (const agg of Object.values(aggs ?? {})) {
      let path = nestedPath;
      for (const [type, params] of Object.entries(agg)) {
        if (type === 'aggs' || type === 'aggregations') continue;
        if (type === 'nested') {
          assert.equal(fields.get(params.path)?.type, 'nested', `${o.id}: nested path ${params.path} is not a nested field of ${index}`);
          path = params.path;
        } else if (params.field) {
          const f = fields.get(params.field);
          assert.ok(f, `${o.id}: ${params.field} is not in ${index}'s mapping`);
          assert.ok(AGGREGATABLE.has(f.type), `${o.id}: ${params.field} (${f.type}) cannot be aggregated`);
          assert.equal(f.nested, Boolean(path) && params.field.startsWith(`${path}.`), `${o.id}: ${params.field} is ${f.nested ? '' : 'not '}inside a nested field, the aggregation ${path ? `is in ${path}` : 'is not nested'}`);
        }
      }
      walkAggs(agg.aggs ?? agg.aggregations, path);
    }
  };
  walkAggs(body.aggs ?? body.aggregations, null);
  const queryFields = [];
  const walkQuery = (node) => {
    if (Array.isArray(node)) return node.forEach(walkQuery);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (['term', 'terms', 'range', 'match', 'exists'].includes(key)) queryFields.push(...(key === 'exists' ? [value.field] : Object.keys(value)));
      else walkQuery(value);
    }
  };
  walkQuery(body.query);
  for (const name of queryFields) assert.ok(fields.has(name), `${o.id}: query field ${name} not in ${index}`);
  return { index, body };
}
const vegaOf = (o) => JSON.parse(o.attributes.visState).type === 'vega';
const dataViewTitles = () => objects.filter((x) => x.type === 'index-pattern').map((x) => x.attributes.title);

test('every visualization field and query field exists in the mapping and is aggregatable where aggregated', () => {
  for (const o of objects.filter((x) => x.type === 'visualization' && vegaOf(x))) checkVegaRequest(o, fieldsOf, dataViewTitles());
  for (const o of objects.filter((x) => x.type === 'visualization' && !vegaOf(x))) {
    const index = dataViewIndex(o.references.find((r) => r.type === 'index-pattern').id);
    const fields = fieldsOf(index);
    const state = JSON.parse(o.attributes.visState);
    for (const agg of state.aggs) {
      if (!agg.params.field) continue;
      const f = fields.get(agg.params.field);
      assert.ok(f, `${o.id}: ${agg.params.field} is not in ${index}'s mapping`);
      assert.ok(AGGREGATABLE.has(f.type), `${o.id}: ${agg.params.field} (${f.type}) cannot be aggregated`);
      assert.equal(f.nested, false, `${o.id}: ${agg.params.field} is inside a nested field (legacy aggregations see nothing)`);
    }
    const search = JSON.parse(o.attributes.kibanaSavedObjectMeta.searchSourceJSON);
    for (const name of kqlFields(search.query.query)) assert.ok(fields.has(name), `${o.id}: query field ${name} not in ${index}`);
  }
});

test('dashboards: catalog (category, brand, price, stock-outs), sales (revenue over time, status, top products), search analytics', () => {
  const panelsOf = (id) => byId.get(`dashboard:${id}`).references.map((r) => JSON.parse(byId.get(`visualization:${r.id}`).attributes.visState));
  const catalog = panelsOf('commerce-catalog').flatMap((s) => s.aggs.map((a) => a.params.field)).filter(Boolean);
  for (const f of ['category.slug', 'brand.keyword', 'price']) assert.ok(catalog.includes(f), `catalog dashboard uses ${f}`);
  const sales = panelsOf('commerce-sales');
  assert.ok(sales.some((s) => s.aggs.some((a) => a.type === 'date_histogram') && s.aggs.some((a) => a.type === 'sum' && a.params.field === 'total')), 'revenue over time');
  assert.ok(sales.some((s) => s.aggs.some((a) => a.params.field === 'status')), 'orders by status');
  // top products: order lines are nested, so a Vega panel aggregates them (terms on the sku by summed line totals)
  const top = byId.get('dashboard:commerce-sales').references.map((r) => byId.get(`visualization:${r.id}`)).filter(vegaOf)
    .map((v) => checkVegaRequest(v, fieldsOf, dataViewTitles()).body.aggs?.items);
  assert.ok(top.some((items) => items?.nested?.path === 'items' && items.aggs.products.terms.field === 'items.sku'
    && items.aggs.products.aggs[items.aggs.products.terms.order && Object.keys(items.aggs.products.terms.order)[0]]?.sum?.field === 'items.lineTotal'), 'top products by revenue');
  const search = byId.get('dashboard:commerce-search-analytics').references.map((r) => byId.get(`visualization:${r.id}`));
  const kql = search.map((v) => JSON.parse(v.attributes.kibanaSavedObjectMeta.searchSourceJSON).query.query);
  assert.ok(kql.some((q) => q.includes('zeroResults:true')), 'zero-result queries');
  const aggs = search.flatMap((v) => JSON.parse(v.attributes.visState).aggs);
  assert.ok(aggs.some((a) => a.type === 'terms' && a.params.field === 'query'), 'top queries');
  assert.ok(aggs.some((a) => a.type === 'histogram' && a.params.field === 'total'), 'queries by result count');
  assert.ok(aggs.some((a) => a.type === 'percentiles' && a.params.field === 'latencyMs' && a.params.percents.includes(95)), 'p95 latency');
});
