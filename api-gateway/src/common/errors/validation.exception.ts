import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './error-body';

/** 400 carrying field-level details; thrown by the ValidationPipe and by query parsers. */
export class ValidationFailedException extends BadRequestException {
  constructor(
    readonly details: ErrorDetail[],
    message?: string,
  ) {
    super(message ?? `Validation failed: ${[...new Set(details.map((d) => d.field))].join(', ')}`);
  }
}

/** Constraints that say what kind of value is expected: when one fails, it is the message (not its range checks). */
const KIND = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isIn',
  'isEnum',
  'isArray',
  'isObject',
  'nestedValidation',
];

/** class-validator's range wording as a reader expects it: "must not be less than 0" -> "must be ≥ 0". */
function plain(message: string): string {
  return message.replace(/must not be less than (\S+)/, 'must be ≥ $1').replace(/must not be greater than (\S+)/, 'must be ≤ $1');
}

/**
 * Flattens class-validator errors into [{field, message}] with dotted paths: one message per field,
 * "<field> is required" for a missing one, else the kind of value expected, else the first rule broken.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length) {
      const missing = (e.value === undefined || e.value === null) && !names.includes('whitelistValidation');
      const pick = names.find((n) => KIND.includes(n)) ?? names[0];
      out.push({ field, message: missing ? `${field} is required` : plain(constraints[pick]) });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
