// commerce-analysis on the real node: `_analyze` output of each analysis component our mappings
// use, compared with the output Elasticsearch's reference documentation shows for the same input
// (page cited per test). The same requests give the same tokens on a stock Elasticsearch, where
// the analysis-common module provides these names. Needs the node: runtime/platform.sh up elasticsearch
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { env } from '../support.mjs';

const ES = (env.ELASTICSEARCH_URL || 'http://127.0.0.1:9200').replace(/\/$/, '');
const INDEX = `analysis_test_${Date.now().toString(36)}`;
const DOCS = 'https://www.elastic.co/docs/reference/text-analysis';

async function es(method, path, body) {
  const res = await fetch(ES + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.error ?? json)}`);
  return json;
}

/** Tokens of POST [index/]_analyze, in order. */
async function analyze(body, index) {
  const res = await es('POST', `${index ? `/${index}` : ''}/_analyze`, body);
  return res.tokens.map((t) => t.token);
}

before(async () => {
  await es('GET', '/_cluster/health?wait_for_status=yellow&timeout=30s');
  await es('PUT', `/${INDEX}`, {
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      analysis: {
        tokenizer: {
          // analysis-edgengram-tokenizer, "Example configuration"
          my_tokenizer: { type: 'edge_ngram', min_gram: 2, max_gram: 10, token_chars: ['letter', 'digit'] },
        },
        filter: {
          // analysis-synonym-tokenfilter, Solr format examples (the docs split on whitespace; the
          // whitespace tokenizer is not in our mappings, so the standard one analyses text and rules alike)
          explicit: { type: 'synonym', synonyms: ['i-pod, i pod => ipod', 'foo => foo bar', 'foo => baz'] },
          expanded: { type: 'synonym_graph', synonyms: ['universe, cosmos'] },
          contracted: { type: 'synonym_graph', expand: false, synonyms: ['ipod, i-pod, i pod'] },
          from_file: { type: 'synonym_graph', synonyms_path: 'analysis/products-synonyms.txt' },
          // a synonym that analyzes to a stop word: only accepted with lenient
          lenient_syn: { type: 'synonym_graph', lenient: true, synonyms: ['the, foo'] },
          english_stop: { type: 'stop', stopwords: '_english_' },
          english_stemmer: { type: 'stemmer', language: 'english' },
          light_english: { type: 'stemmer', language: 'light_english' },
          english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
          greek_lowercase: { type: 'lowercase', language: 'greek' },
          keep_original_folding: { type: 'asciifolding', preserve_original: true },
        },
        analyzer: {
          my_analyzer: { tokenizer: 'my_tokenizer' },
          explicit: { tokenizer: 'standard', filter: ['explicit'] },
          expanded: { tokenizer: 'standard', filter: ['expanded'] },
          contracted: { tokenizer: 'standard', filter: ['contracted'] },
          from_file: { tokenizer: 'standard', filter: ['lowercase', 'from_file'] },
          lenient_syn: { tokenizer: 'standard', filter: ['english_stop', 'lenient_syn'] },
          // analysis-lang-analyzer, "english analyzer" reimplemented as a custom analyzer (no keyword_marker: no exclusions)
          rebuilt_english: {
            tokenizer: 'standard',
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
          },
          english_excluding: { type: 'english', stem_exclusion: ['running'] },
        },
        normalizer: { folded: { type: 'custom', filter: ['lowercase', 'asciifolding'] } },
      },
    },
  });
});

after(async () => {
  await fetch(`${ES}/${INDEX}`, { method: 'DELETE' }).catch(() => {});
});

test(`edge_ngram tokenizer, defaults (${DOCS}/analysis-edgengram-tokenizer)`, async () => {
  assert.deepEqual(await analyze({ tokenizer: 'edge_ngram', text: 'Quick Fox' }), ['Q', 'Qu']);
});

test(`edge_ngram tokenizer, min 2 max 10 letter+digit (${DOCS}/analysis-edgengram-tokenizer)`, async () => {
  assert.deepEqual(
    await analyze({ analyzer: 'my_analyzer', text: '2 Quick Foxes.' }, INDEX),
    ['Qu', 'Qui', 'Quic', 'Quick', 'Fo', 'Fox', 'Foxe', 'Foxes'],
  );
});

test(`edge_ngram token filter (${DOCS}/analysis-edgengram-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: [{ type: 'edge_ngram', min_gram: 1, max_gram: 2 }], text: 'the quick brown fox jumps' }),
    ['t', 'th', 'q', 'qu', 'b', 'br', 'f', 'fo', 'j', 'ju'],
  );
});

test(`stemmer, default english = porter (${DOCS}/analysis-stemmer-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: ['stemmer'], text: 'the foxes jumping quickly' }),
    ['the', 'fox', 'jump', 'quickli'],
  );
});

test(`stemmer light_english = kstem (${DOCS}/analysis-kstem-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: ['light_english'], text: 'the foxes jumping quickly' }, INDEX),
    ['the', 'fox', 'jump', 'quick'],
  );
});

test(`lowercase token filter (${DOCS}/analysis-lowercase-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: ['lowercase'], text: 'THE Quick FoX JUMPs' }),
    ['the', 'quick', 'fox', 'jumps'],
  );
});

test(`lowercase, language greek (${DOCS}/analysis-lowercase-tokenfilter)`, async () => {
  // Greek lower-casing also removes the tonos and folds final sigma
  assert.deepEqual(await analyze({ tokenizer: 'standard', filter: ['greek_lowercase'], text: 'ΟΔΥΣΣΕΥΣ Άρης' }, INDEX), ['οδυσσευσ', 'αρησ']);
});

test(`asciifolding (${DOCS}/analysis-asciifolding-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: ['asciifolding'], text: 'açaí à la carte' }),
    ['acai', 'a', 'la', 'carte'],
  );
});

test(`asciifolding preserve_original (${DOCS}/analysis-asciifolding-tokenfilter)`, async () => {
  assert.deepEqual(
    await analyze({ tokenizer: 'standard', filter: ['keep_original_folding'], text: 'açaí à la carte' }, INDEX),
    ['acai', 'açaí', 'a', 'à', 'la', 'carte'],
  );
});

test('lowercase + asciifolding in a keyword normalizer (the sku field of products.json)', async () => {
  assert.deepEqual(await analyze({ normalizer: 'folded', text: 'ÀBC-Déf 42' }, INDEX), ['abc-def 42']);
});

test(`synonym, explicit mappings merged (${DOCS}/analysis-synonym-tokenfilter)`, async () => {
  assert.deepEqual(await analyze({ analyzer: 'explicit', text: 'i-pod' }, INDEX), ['ipod']);
  assert.deepEqual(await analyze({ analyzer: 'explicit', text: 'i pod' }, INDEX), ['ipod']);
  // "foo => foo bar" and "foo => baz" are equivalent to "foo => foo bar, baz"
  assert.deepEqual((await analyze({ analyzer: 'explicit', text: 'foo' }, INDEX)).sort(), ['bar', 'baz', 'foo']);
});

test(`synonym_graph, equivalent synonyms expand (${DOCS}/analysis-synonym-graph-tokenfilter)`, async () => {
  assert.deepEqual((await analyze({ analyzer: 'expanded', text: 'universe' }, INDEX)).sort(), ['cosmos', 'universe']);
  assert.deepEqual((await analyze({ analyzer: 'expanded', text: 'cosmos' }, INDEX)).sort(), ['cosmos', 'universe']);
});

test(`synonym_graph, expand false maps to the first term (${DOCS}/analysis-synonym-graph-tokenfilter)`, async () => {
  for (const text of ['ipod', 'i-pod', 'i pod']) {
    assert.deepEqual(await analyze({ analyzer: 'contracted', text }, INDEX), ['ipod'], text);
  }
});

test('synonym_graph from synonyms_path (our products synonyms file, multi-word rules)', async () => {
  assert.deepEqual(
    (await analyze({ analyzer: 'from_file', text: 'TV' }, INDEX)).sort(),
    ['television', 'tv'],
  );
  const tokens = await analyze({ analyzer: 'from_file', text: 'trainers' }, INDEX);
  assert.deepEqual([...new Set(tokens)].sort(), ['running', 'shoes', 'sneakers', 'trainers']);
});

test(`synonym lenient drops a rule whose term the chain removes (${DOCS}/analysis-synonym-graph-tokenfilter)`, async () => {
  assert.deepEqual(await analyze({ analyzer: 'lenient_syn', text: 'foo bar' }, INDEX), ['foo', 'bar']);
  await assert.rejects(
    es('PUT', `/${INDEX}_strict`, {
      settings: {
        analysis: {
          filter: { stop_en: { type: 'stop', stopwords: '_english_' }, strict: { type: 'synonym_graph', synonyms: ['the, foo'] } },
          analyzer: { a: { tokenizer: 'standard', filter: ['stop_en', 'strict'] } },
        },
      },
    }),
    /400/,
  );
});

test(`english analyzer = its documented reimplementation (${DOCS}/analysis-lang-analyzer#english-analyzer)`, async () => {
  const text = "The QUICK foxes' jumping over the lazy dog's running shoes";
  const builtIn = await analyze({ analyzer: 'english', text });
  assert.deepEqual(builtIn, ['quick', 'fox', 'jump', 'over', 'lazi', 'dog', 'run', 'shoe']);
  assert.deepEqual(await analyze({ analyzer: 'rebuilt_english', text }, INDEX), builtIn);
});

test(`english analyzer stem_exclusion (${DOCS}/analysis-lang-analyzer#english-analyzer)`, async () => {
  assert.deepEqual(await analyze({ analyzer: 'english_excluding', text: 'running shoes' }, INDEX), ['running', 'shoe']);
});

test('unknown stemmer language, bad token_chars and min_gram > max_gram are 400s naming the value', async () => {
  await assert.rejects(analyze({ tokenizer: 'standard', filter: [{ type: 'stemmer', language: 'klingon' }], text: 'x' }), /klingon/);
  await assert.rejects(analyze({ tokenizer: { type: 'edge_ngram', token_chars: ['vowels'] }, text: 'x' }), /vowels/);
  await assert.rejects(analyze({ tokenizer: 'standard', filter: [{ type: 'edge_ngram', min_gram: 3, max_gram: 2 }], text: 'x' }), /min_gram/);
});
