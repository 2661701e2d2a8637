import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { resolveException, throttledMessage } from './all-exceptions.filter';
import { ValidationFailedException } from '../errors/validation.exception';

describe('resolveException', () => {
  it('keeps HttpException status and message', () => {
    expect(resolveException(new ForbiddenException('nope'))).toEqual({ status: 403, message: 'nope', details: undefined });
    expect(resolveException(new NotFoundException()).status).toBe(404);
  });
  it('carries validation details', () => {
    const r = resolveException(new ValidationFailedException([{ field: 'price', message: 'must be >= 0' }]));
    expect(r.status).toBe(400);
    expect(r.details).toEqual([{ field: 'price', message: 'must be >= 0' }]);
  });
  it('maps EntityNotFound to 404', () => {
    expect(resolveException(new EntityNotFoundError('Product', { id: 1 })).status).toBe(404);
  });
  it('maps unique violations to 409 without SQL', () => {
    const err = new QueryFailedError(
      'INSERT INTO secret',
      [],
      Object.assign(new Error('dup'), { code: '23505', detail: 'Key (sku)=(X) already exists.' }),
    );
    const r = resolveException(err);
    expect(r.status).toBe(409);
    expect(JSON.stringify(r)).not.toContain('INSERT');
  });
  it('hides unknown errors', () => {
    expect(resolveException(new Error('SELECT password FROM users'))).toEqual({ status: 500, message: 'Internal server error' });
  });
});

describe('throttledMessage', () => {
  const res = (headers: Record<string, unknown>) => ({ getHeaderNames: () => Object.keys(headers), getHeader: (n: string) => headers[n] });
  it('names what was throttled and when to retry, never the exception class', () => {
    expect(throttledMessage({ path: '/api/auth/login' }, res({ 'retry-after': 42 }))).toBe('Too many login attempts; retry in 42 s');
    expect(throttledMessage({ path: '/api/auth/register' }, res({ 'retry-after-auth': '7' }))).toBe('Too many attempts; retry in 7 s');
    expect(throttledMessage({ path: '/api/x' }, res({}))).toBe('Too many requests; retry later');
  });
});

describe('resolveException: the database away', () => {
  it('is a 503 with Retry-After, not a 500 (refused, terminated, shutting down)', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ]) {
      expect(resolveException(err)).toEqual({
        status: 503,
        message: 'The database is temporarily unavailable; retry in 5 s',
        retryAfterSeconds: 5,
      });
    }
  });
});
