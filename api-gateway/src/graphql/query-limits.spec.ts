import { buildSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { CostMeter, DEFAULT_LIMITS, fragmentsOf, parseWithinLimits, QueryLimits, queryLimitsRule } from './query-limits';
import { fragmentChain } from '../../test/support/graphql-abuse';
import { TYPE_DEFS } from './schema.graphql';

const schema = buildSchema(TYPE_DEFS);
const limits = (over: Partial<QueryLimits> = {}): QueryLimits => ({ ...DEFAULT_LIMITS, ...over });
const errors = (query: string, maxDepth = 8, maxComplexity = 2_000) =>
  validate(schema, parse(query), [queryLimitsRule(limits({ maxDepth, maxComplexity }))]).map((e) => e.message);
const refusal = (query: string, over: Partial<QueryLimits> = {}) => {
  const r = parseWithinLimits(schema, query, limits(over));
  return 'document' in r ? undefined : { status: r.status, messages: r.errors.map((e) => e.message) };
};

describe('queryLimitsRule', () => {
  it('accepts an ordinary query', () => {
    expect(errors('{ products { items { id name category { path } } total facets { name values { value count } } } }')).toEqual([]);
  });

  it('rejects a query nested deeper than the limit (also through fragments)', () => {
    const deep = '{ categories { children { children { children { children { children { children { children { id } } } } } } } } }';
    expect(errors(deep, 8, 1e12)).toEqual([expect.stringMatching(/depth 9 exceeds the limit of 8/)]);
    const viaFragment =
      'fragment C on Category { children { children { children { children { children { children { children { id } } } } } } } } { categories { ...C } }';
    expect(errors(viaFragment, 8, 1e12)).toEqual([expect.stringMatching(/depth 9/)]);
    expect(errors(deep, 100)).toEqual([expect.stringMatching(/complexity exceeds the limit of 2000/)]); // 10^8 nested lists
  });

  it('weights list fields and the real cost of resolvers', () => {
    // myOrders 20 + orders (1 + 10 x (lines 1 + 10 x sku 1)) = 20 + 111 = 131
    expect(errors('{ myOrders { items { items { sku } } } }', 8, 130)).toEqual([
      expect.stringMatching(/complexity exceeds the limit of 130 \(at least 13\d\)/),
    ]);
    expect(errors('{ myOrders { items { items { sku } } } }', 8, 131)).toEqual([]);
    expect(errors('{ me { id } }', 8, 100)).toEqual([]);
  });

  it('F4: a search costs its Elasticsearch query, so aliased searches exhaust the budget', () => {
    const searches = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: products { total }`).join(' ')} }`;
    expect(errors(searches(9), 8, 1_000)).toEqual([]);
    expect(errors(searches(10), 8, 1_000)).toEqual([expect.stringMatching(/complexity exceeds the limit of 1000/)]);
  });

  it('ignores introspection fields', () => {
    expect(errors('{ __typename me { __typename id } }')).toEqual([]);
  });
});

describe('CostMeter (F1)', () => {
  it('measures each fragment once: a 40-fragment doubling chain (2^40 expansions) is costed exactly', () => {
    const doc = parse(fragmentChain(40));
    const meter = new CostMeter(schema, fragmentsOf(doc), { listFactor: 1, maxComplexity: Number.MAX_SAFE_INTEGER, maxDepth: 100 });
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition')!;
    // F0 = 2, Fk = 2 x (1 + F(k-1)) -> F40 = 2^42 - 2; categories = 50 + F40
    expect(meter.measure((op as OperationDefinitionNode).selectionSet, schema.getQueryType()!)).toEqual({
      depth: 42,
      cost: 50 + 2 ** 42 - 2,
    });
  });

  it('stops as soon as the budget is passed', () => {
    expect(errors(fragmentChain(40), 100, 1_000)).toEqual([
      expect.stringMatching(/complexity exceeds the limit of 1000 \(at least \d{4}\)/),
    ]);
  });
});

describe('parseWithinLimits', () => {
  it('refuses the F1 documents with 20 and 26 fragments before any validation', () => {
    for (const n of [20, 26]) {
      expect(refusal(fragmentChain(n))).toEqual({
        status: 400,
        messages: [`Document has ${n + 1} fragments; the limit is 10`, `Document has ${2 * n} aliases; the limit is 20`],
      });
    }
    // within the fragment cap the memoised cost refuses it
    expect(refusal(fragmentChain(26), { maxFragments: 100, maxAliases: 100, maxDepth: 100 })?.messages).toEqual([
      expect.stringMatching(/complexity exceeds/),
    ]);
  });

  it('caps bytes, tokens, aliases and root fields', () => {
    expect(refusal(`{ me { id } } # ${'x'.repeat(9_000)}`)).toEqual({
      status: 413,
      messages: [expect.stringMatching(/bytes; the limit is 8192/)],
    });
    expect(refusal(`{ me { ${'id '.repeat(2_100)} } }`)?.messages).toEqual([expect.stringMatching(/more th.. 2000 tokens/)]);
    const aliased = `{ me { ${Array.from({ length: 21 }, (_, i) => `a${i}: id`).join(' ')} } }`;
    expect(refusal(aliased)?.messages).toEqual(['Document has 21 aliases; the limit is 20']);
    const roots = `{ ...R a: me { id } b: me { id } } fragment R on Query { c: me { id } d: me { id } e: me { id } f: me { id } g: me { id } h: me { id } i: me { id } j: me { id } k: me { id } }`;
    expect(refusal(roots)?.messages).toEqual(['Operation has 11 root fields; the limit is 10']);
    expect(refusal('{ a: me { id } a: me { id } ...M } fragment M on Query { a: me { id } }')).toBeUndefined(); // same key merges
  });

  it('lets an ordinary document through', () => {
    expect(refusal('query($id: Int!) { product(id: $id) { id sku } categories { slug children { slug } } }')).toBeUndefined();
  });
});
