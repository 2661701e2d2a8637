import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsAttributeMap } from './is-attribute-map';
import { SLUG_PATTERN } from '../slug';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of POST /api/products and PUT /api/products/:id (PUT replaces the product). */
export class ProductInputDto {
  @ApiProperty({ example: 'ACME-TSHIRT-001', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'sku must be 1-64 chars of letters, digits, . _ -' })
  sku: string;

  @ApiProperty({ example: 'Acme organic T-shirt', maxLength: 255 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({
    example: 'acme-organic-t-shirt',
    description: 'create: derived from name when omitted; update: kept when omitted',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase words joined by hyphens' })
  slug?: string;

  @ApiPropertyOptional({ example: 'Soft, breathable, 100% organic cotton.', default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiProperty({ example: 19.99, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9999999999.99)
  price: number;

  @ApiPropertyOptional({ example: 'USD', default: 'USD' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like USD' })
  currency?: string;

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  categoryId: number;

  @ApiProperty({ example: 'Acme', description: 'brand name; created when new' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  brand: string;

  @ApiPropertyOptional({ enum: ['draft', 'active'], default: 'active' })
  @IsOptional()
  @IsIn(['draft', 'active'])
  status?: 'draft' | 'active';

  @ApiProperty({ example: { color: 'red', size: 'M', weight_g: 180 }, description: 'flat map string -> string|number' })
  @IsAttributeMap()
  attributes: Record<string, string | number>;

  @ApiPropertyOptional({ example: 25, description: 'on-hand quantity (initial on create, replaces on update)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stock?: number;
}

/** Body of PATCH /api/products/:id: any subset of the fields, each validated like in POST/PUT. */
export class ProductPatchDto extends PartialType(ProductInputDto) {}
