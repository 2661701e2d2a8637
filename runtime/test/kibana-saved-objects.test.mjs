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

test('every visualization field and query field exists in the mapping and is aggregatable where aggregated', () => {
  for (const o of objects.filter((x) => x.type === 'visualization')) {
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

test('dashboards: catalog (category, brand, price, stock-outs), sales (revenue over time, status), search analytics', () => {
  const panelsOf = (id) => byId.get(`dashboard:${id}`).references.map((r) => JSON.parse(byId.get(`visualization:${r.id}`).attributes.visState));
  const catalog = panelsOf('commerce-catalog').flatMap((s) => s.aggs.map((a) => a.params.field)).filter(Boolean);
  for (const f of ['category.slug', 'brand.keyword', 'price']) assert.ok(catalog.includes(f), `catalog dashboard uses ${f}`);
  const sales = panelsOf('commerce-sales');
  assert.ok(sales.some((s) => s.aggs.some((a) => a.type === 'date_histogram') && s.aggs.some((a) => a.type === 'sum' && a.params.field === 'total')), 'revenue over time');
  assert.ok(sales.some((s) => s.aggs.some((a) => a.params.field === 'status')), 'orders by status');
  const search = byId.get('dashboard:commerce-search-analytics').references.map((r) => byId.get(`visualization:${r.id}`));
  const kql = search.map((v) => JSON.parse(v.attributes.kibanaSavedObjectMeta.searchSourceJSON).query.query);
  assert.ok(kql.some((q) => q.includes('zeroResults:true')), 'zero-result queries');
  const aggs = search.flatMap((v) => JSON.parse(v.attributes.visState).aggs);
  assert.ok(aggs.some((a) => a.type === 'terms' && a.params.field === 'query'), 'top queries');
  assert.ok(aggs.some((a) => a.type === 'histogram' && a.params.field === 'total'), 'queries by result count');
  assert.ok(aggs.some((a) => a.type === 'percentiles' && a.params.field === 'latencyMs' && a.params.percents.includes(95)), 'p95 latency');
});
