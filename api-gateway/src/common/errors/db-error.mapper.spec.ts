import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { fieldFromDetail, isDbUnavailable, mapDbError } from './db-error.mapper';

describe('mapDbError', () => {
  it('maps unique violations to 409 naming the field', () => {
    const r = mapDbError({ driverError: { code: '23505', detail: 'Key (sku)=(ABC) already exists.', constraint: 'products_sku_key' } });
    expect(r).toEqual(expect.objectContaining({ status: 409, details: [expect.objectContaining({ field: 'sku' })] }));
  });
  it('reads expression indexes like lower(email)', () => {
    expect(fieldFromDetail('Key (lower(email::text))=(a@b.c) already exists.')).toBe('email');
    expect(fieldFromDetail('Key (lower((email)::text))=(a@b.c) already exists.')).toBe('email');
  });
  it('maps FK violations to 422 in camelCase', () => {
    const r = mapDbError({ code: '23503', detail: 'Key (category_id)=(999) is not present in table "categories".' });
    expect(r?.status).toBe(422);
    expect(r?.details?.[0].field).toBe('categoryId');
  });
  it('maps check violations to 422', () => {
    expect(mapDbError({ code: '23514', constraint: 'products_price_check' })?.status).toBe(422);
  });
  it('leaves other errors alone', () => {
    expect(mapDbError(new Error('boom'))).toBeUndefined();
  });
});

describe('isDbUnavailable', () => {
  it('is true for a server going away, also mid-transaction (TypeORM released the connection)', () => {
    expect(isDbUnavailable({ code: '57P01' })).toBe(true);
    expect(isDbUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDbUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });
  it('is false for other errors', () => {
    expect(isDbUnavailable({ code: '23505' })).toBe(false);
    expect(isDbUnavailable(new Error('boom'))).toBe(false);
  });
});
