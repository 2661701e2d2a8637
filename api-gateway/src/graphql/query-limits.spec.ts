import { buildSchema, parse, validate } from 'graphql';
import { queryLimitsRule } from './query-limits';
import { TYPE_DEFS } from './schema.graphql';

const schema = buildSchema(TYPE_DEFS);
const errors = (query: string, maxDepth = 8, maxComplexity = 2_000) =>
  validate(schema, parse(query), [queryLimitsRule({ maxDepth, maxComplexity, listFactor: 10 })]).map((e) => e.message);

describe('queryLimitsRule', () => {
  it('accepts an ordinary query', () => {
    expect(errors('{ products { items { id name category { path } } total facets { name values { value count } } } }')).toEqual([]);
  });

  it('rejects a query nested deeper than the limit (also through fragments)', () => {
    const deep = '{ categories { children { children { children { children { children { children { children { id } } } } } } } } }';
    expect(errors(deep, 8, 1e12)).toEqual([expect.stringMatching(/depth 9 exceeds the limit of 8/)]);
    const viaFragment = 'fragment C on Category { children { children { children { children { children { children { children { id } } } } } } } } { categories { ...C } }';
    expect(errors(viaFragment, 8, 1e12)).toEqual([expect.stringMatching(/depth 9/)]);
    expect(errors(deep)).toContainEqual(expect.stringMatching(/complexity 111111111 exceeds/)); // 10^8 nested lists
  });

  it('weights list fields to bound complexity', () => {
    expect(errors('{ myOrders { items { items { sku } } } }', 8, 100)).toEqual([expect.stringMatching(/complexity 112 exceeds the limit of 100/)]);
    expect(errors('{ me { id } }', 8, 100)).toEqual([]);
  });

  it('ignores introspection fields', () => {
    expect(errors('{ __typename me { __typename id } }')).toEqual([]);
  });
});
