import { categoryTree, mapFacets } from './facets.mapper';

const cats = [
  { id: 1, parentId: null, slug: 'clothing', name: 'Clothing', position: 0 },
  { id: 2, parentId: 1, slug: 'tees', name: 'Tees', position: 1 },
  { id: 3, parentId: 1, slug: 'hats', name: 'Hats', position: 0 },
  { id: 4, parentId: null, slug: 'empty', name: 'Empty', position: 1 },
];

describe('facets mapper', () => {
  it('builds a category tree with counts and drops empty branches', () => {
    const tree = categoryTree(
      cats,
      new Map([
        [1, 5],
        [2, 3],
        [3, 2],
      ]),
    );
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ value: 'clothing', count: 5 });
    expect(tree[0].children.map((c) => c.value)).toEqual(['hats', 'tees']);
  });

  it('uses own-filter-free counts for selected attributes and global ones for the rest', () => {
    const facets = mapFacets(
      {
        brand: { values: { buckets: [{ key: 'Acme', doc_count: 4 }] } },
        attrs: {
          values: {
            buckets: [
              { key: 'color=red', doc_count: 2 },
              { key: 'size=M', doc_count: 3 },
            ],
          },
        },
        attr_0: {
          meta: { attribute: 'color' },
          values: {
            buckets: [
              { key: 'color=red', doc_count: 2 },
              { key: 'color=blue', doc_count: 7 },
            ],
          },
        },
        price: { values: { buckets: [{ key: '0-25', doc_count: 1 }] } },
      },
      cats,
    );
    expect(facets.brand).toEqual([{ value: 'Acme', count: 4 }]);
    expect(facets['attr.color']).toEqual([
      { value: 'blue', count: 7 },
      { value: 'red', count: 2 },
    ]);
    expect(facets['attr.size']).toEqual([{ value: 'M', count: 3 }]);
    expect(facets.price[0]).toMatchObject({ value: '0-25', count: 1 });
    expect(facets.price[6]).toMatchObject({ value: '1000+', count: 0, to: null });
  });
});
