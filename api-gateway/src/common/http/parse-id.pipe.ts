import { Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { ValidationFailedException } from '../errors/validation.exception';

/** Positive integer path id; 400 naming the parameter otherwise. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, meta: ArgumentMetadata): number {
    const field = meta.data ?? 'id';
    if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new ValidationFailedException([{ field, message: `${field} must be a positive integer` }]);
    }
    return Number(value);
  }
}
