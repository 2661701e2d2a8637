import { ValidationFailedException } from '../common/errors/validation.exception';

const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/**
 * Documented rule: POST /api/orders requires an Idempotency-Key header of 8-255 visible ASCII
 * characters (a UUID is typical). Missing or malformed -> 400 naming the header.
 */
export function requireIdempotencyKey(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new ValidationFailedException([{ field: 'Idempotency-Key', message: 'Idempotency-Key header is required' }]);
  if (!KEY_PATTERN.test(value)) {
    throw new ValidationFailedException([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 8-255 visible ASCII characters' }]);
  }
  return value;
}
