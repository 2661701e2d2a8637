// Search node smoke test on the real node (no mocks), through the official @elastic/elasticsearch
// client, exactly as the services use it. The node is Elasticsearch (integ-test-zip from Maven
// Central) + our commerce-analysis plugin (see elasticsearch/README.md).
// Proves: GET / is a real Elasticsearch banner, the client's product check passes, analysis
// (edge_ngram tokenizer, synonym graph filter, english stemmer), bulk, match query + terms/avg
// aggregations, point-in-time + search_after, index deletion.
// Needs: runtime/platform.sh up elasticsearch  (make test starts the whole platform).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@elastic/elasticsearch';
import { env } from '../support.mjs';

const URL_ = env.ELASTICSEARCH_URL || 'http://127.0.0.1:9200';
const INDEX = `es_smoke_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const client = new Client({ node: URL_, requestTimeout: 30_000 });

before(async () => {
  await client.cluster.health({ wait_for_status: 'yellow', timeout: '30s' });
});

after(async () => {
  await client.indices.delete({ index: INDEX, ignore_unavailable: true }).catch(() => {});
  await client.close();
});

test('GET / is Elasticsearch: real build info, product header, no other distribution', async () => {
  const res = await fetch(URL_.replace(/\/$/, '') + '/');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-elastic-product'), 'Elasticsearch');
  const body = await res.json();
  assert.equal(body.version.distribution, undefined, `distribution ${body.version.distribution}`);
  assert.match(body.version.number, /^9\.\d+\.\d+$/);
  assert.equal(body.version.build_flavor, 'default');
  assert.match(body.version.build_hash, /^[0-9a-f]{40}$/);
  assert.match(body.version.lucene_version, /^10\./);
  assert.equal(body.tagline, 'You Know, for Search');
  assert.ok(body.cluster_uuid && body.cluster_uuid !== '_na_');
  // the official client's product check and its view of the same banner
  const info = await client.info();
  assert.equal(info.version.number, body.version.number);
  assert.equal(info.name, body.name);
});

test('index with edge_ngram + synonym + english stemmer, bulk, search, agg, update_by_query, delete', async () => {
  await client.indices.create({
    index: INDEX,
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      analysis: {
        tokenizer: {
          autocomplete_tok: { type: 'edge_ngram', min_gram: 2, max_gram: 10, token_chars: ['letter', 'digit'] },
        },
        filter: {
          product_synonyms: { type: 'synonym_graph', synonyms: ['tee, t-shirt, tshirt', 'sneakers, trainers'] },
          english_stem: { type: 'stemmer', language: 'english' },
        },
        analyzer: {
          autocomplete: { type: 'custom', tokenizer: 'autocomplete_tok', filter: ['lowercase'] },
          product_text: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'english_stem'] },
          product_search: {
            type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'product_synonyms', 'english_stem'],
          },
        },
      },
    },
    mappings: {
      properties: {
        name: {
          type: 'text', analyzer: 'product_text', search_analyzer: 'product_search',
          fields: { suggest: { type: 'text', analyzer: 'autocomplete', search_analyzer: 'standard' } },
        },
        brand: { type: 'keyword' },
        price: { type: 'double' },
        stock: { type: 'integer' },
      },
    },
  });

  // the analyzers really come from analysis-common
  const ngrams = await client.indices.analyze({ index: INDEX, analyzer: 'autocomplete', text: 'Runner' });
  assert.deepEqual(ngrams.tokens.map((t) => t.token), ['ru', 'run', 'runn', 'runne', 'runner']);
  const stems = await client.indices.analyze({ index: INDEX, analyzer: 'product_text', text: 'Running Shoes' });
  assert.deepEqual(stems.tokens.map((t) => t.token), ['run', 'shoe']);

  const bulk = await client.bulk({
    refresh: true,
    operations: [
      { index: { _index: INDEX, _id: '1' } },
      { name: 'Running trainers', brand: 'acme', price: 89.5, stock: 3 },
      { index: { _index: INDEX, _id: '2' } },
      { name: 'Cotton t-shirt', brand: 'zenith', price: 19.0, stock: 10 },
    ],
  });
  assert.equal(bulk.errors, false);

  // synonym (sneakers -> trainers) + stemming (runs -> run)
  const bySynonym = await client.search({ index: INDEX, query: { match: { name: 'sneakers' } } });
  assert.deepEqual(bySynonym.hits.hits.map((h) => h._id), ['1']);
  const byStem = await client.search({ index: INDEX, query: { match: { name: 'runs' } } });
  assert.deepEqual(byStem.hits.hits.map((h) => h._id), ['1']);
  const bySynonym2 = await client.search({ index: INDEX, query: { match: { name: 'tee' } } });
  assert.deepEqual(bySynonym2.hits.hits.map((h) => h._id), ['2']);
  // edge_ngram prefix completion
  const byPrefix = await client.search({ index: INDEX, query: { match: { 'name.suggest': 'cott' } } });
  assert.deepEqual(byPrefix.hits.hits.map((h) => h._id), ['2']);

  // terms aggregation over all docs
  const agg = await client.search({
    index: INDEX, size: 0, query: { match_all: {} },
    aggs: { brands: { terms: { field: 'brand' } }, avg_price: { avg: { field: 'price' } } },
  });
  assert.equal(agg.hits.total.value, 2);
  assert.deepEqual(agg.aggregations.brands.buckets.map((b) => [b.key, b.doc_count]).sort(), [['acme', 1], ['zenith', 1]]);
  assert.equal(agg.aggregations.avg_price.value, (89.5 + 19.0) / 2);

  // point in time + search_after: a page walk sees the snapshot taken at open, not later writes
  const pit = await client.openPointInTime({ index: INDEX, keep_alive: '1m' });
  await client.index({ index: INDEX, id: '3', document: { name: 'Late arrival', brand: 'acme', price: 5, stock: 1 }, refresh: true });
  const seen = [];
  let after;
  for (;;) {
    const page = await client.search({
      size: 1, pit: { id: pit.id, keep_alive: '1m' }, sort: [{ price: 'asc' }], ...(after ? { search_after: after } : {}),
    });
    if (!page.hits.hits.length) break;
    seen.push(page.hits.hits[0]._id);
    after = page.hits.hits.at(-1).sort;
  }
  assert.deepEqual(seen, ['2', '1']);
  await client.closePointInTime({ id: pit.id });
  await assert.rejects(client.search({ size: 1, pit: { id: pit.id } }), (err) => err.meta?.statusCode === 404);

  const del = await client.indices.delete({ index: INDEX });
  assert.equal(del.acknowledged, true);
  assert.equal(await client.indices.exists({ index: INDEX }), false);
});
