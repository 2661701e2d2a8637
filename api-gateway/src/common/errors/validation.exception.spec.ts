import { plainToInstance } from 'class-transformer';
import { IsInt, IsNumber, IsString, Max, MaxLength, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { flattenValidationErrors, ValidationFailedException } from './validation.exception';

class Line {
  @IsInt() @Min(1) quantity: number;
}
class Input {
  @IsString() @MinLength(1) @MaxLength(10) name: string;
  @IsNumber() @Min(0) @Max(100) price: number;
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
}
const details = (raw: object) => flattenValidationErrors(validateSync(plainToInstance(Input, raw)));

describe('flattenValidationErrors: one clear message per field', () => {
  it('says "is required" for a missing field, once', () => {
    expect(details({ price: 1, lines: [] })).toEqual([{ field: 'name', message: 'name is required' }]);
  });
  it('a body of {} gives one line per missing field', () => {
    expect(details({}).map((d) => d.message)).toEqual(['name is required', 'price is required']);
  });
  it('names the kind expected before its range, and ranges as ≥ / ≤', () => {
    expect(details({ name: 'a', price: 'cheap', lines: [] })).toEqual([
      { field: 'price', message: 'price must be a number conforming to the specified constraints' },
    ]);
    expect(details({ name: 'a', price: -1, lines: [] })).toEqual([{ field: 'price', message: 'price must be ≥ 0' }]);
    expect(details({ name: 'a', price: 101, lines: [] })).toEqual([{ field: 'price', message: 'price must be ≤ 100' }]);
  });
  it('nested fields get dotted paths', () => {
    expect(details({ name: 'a', price: 1, lines: [{ quantity: 0 }] })).toEqual([
      { field: 'lines.0.quantity', message: 'quantity must be ≥ 1' },
    ]);
  });
  it('the message names each field once', () => {
    expect(
      new ValidationFailedException([
        { field: 'name', message: 'a' },
        { field: 'name', message: 'b' },
      ]).message,
    ).toBe('Validation failed: name');
  });
});
