import { bodyProblem, MAX_BODY_DEPTH } from './json-body.middleware';

describe('bodyProblem', () => {
  it('accepts ordinary bodies', () => {
    expect(bodyProblem({ email: 'a@b.c', items: [{ productId: 1, quantity: 2 }], address: { city: 'Zürich 😀' } })).toBeUndefined();
    expect(bodyProblem(undefined)).toBeUndefined();
  });
  it('rejects nesting beyond the limit without recursing (5,000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(bodyProblem(deep)).toEqual({ field: 'body', message: `is nested more than ${MAX_BODY_DEPTH} levels deep` });
    let arrays: unknown = [];
    for (let i = 0; i < 50000; i++) arrays = [arrays];
    expect(bodyProblem(arrays)?.field).toBe('body');
  });
  it('names a string with a lone surrogate', () => {
    expect(bodyProblem({ email: '\ud800@example.com' })).toEqual({
      field: 'email',
      message: 'contains malformed unicode (a lone surrogate)',
    });
    expect(bodyProblem({ shippingAddress: { name: 'x\udfff' } })?.field).toBe('shippingAddress.name');
  });
});
