import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './error-body';

/** 400 carrying field-level details; thrown by the ValidationPipe and by query parsers. */
export class ValidationFailedException extends BadRequestException {
  constructor(
    readonly details: ErrorDetail[],
    message?: string,
  ) {
    super(message ?? `Validation failed: ${details.map((d) => d.field).join(', ')}`);
  }
}

/** Flattens class-validator errors into [{field, message}] with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
