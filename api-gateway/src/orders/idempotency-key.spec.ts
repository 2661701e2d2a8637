import { ValidationFailedException } from '../common/errors/validation.exception';
import { requireIdempotencyKey } from './idempotency-key';

describe('requireIdempotencyKey', () => {
  it('accepts a UUID', () => {
    expect(requireIdempotencyKey('0b6e2f64-8a8f-4b8e-9f3c-1c1d2e3f4a5b')).toBe('0b6e2f64-8a8f-4b8e-9f3c-1c1d2e3f4a5b');
  });

  it.each([[undefined], [''], ['short'], ['has space inside it'], ['x'.repeat(256)]])('rejects %p naming the header', (value) => {
    try {
      requireIdempotencyKey(value);
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailedException);
      expect((e as ValidationFailedException).details[0].field).toBe('Idempotency-Key');
    }
  });
});
