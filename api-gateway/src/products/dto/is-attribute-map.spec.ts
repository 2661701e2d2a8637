import { attributeMapProblem } from './is-attribute-map';

describe('attributeMapProblem', () => {
  it('accepts flat string/number maps', () => expect(attributeMapProblem({ color: 'red', weight_g: 120 })).toBeUndefined());
  it.each([[null], [[]], ['x'], [{ nested: { a: 1 } }], [{ list: [1] }], [{ flag: true }], [{ 'bad key': 'x' }], [{ n: Infinity }]])(
    'rejects %j',
    (v) => expect(attributeMapProblem(v)).toBeDefined(),
  );
});
