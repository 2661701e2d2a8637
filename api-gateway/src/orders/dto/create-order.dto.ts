import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 100;

export class OrderItemDto {
  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  productId: number;

  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  /** Accepted for client convenience and ignored: prices always come from the database. */
  @ApiPropertyOptional({ description: 'Ignored: the price is read from the catalog' })
  @Allow()
  price?: unknown;

  @ApiPropertyOptional({ description: 'Ignored: the price is read from the catalog' })
  @Allow()
  unitPrice?: unknown;
}

export class ShippingAddressDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: '12 Analytical Street' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1: string;

  @ApiPropertyOptional({ example: 'Flat 3' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  @ApiProperty({ example: 'London' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'NW1 6XE' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country: string;
}

export class PaymentDto {
  @ApiProperty({ enum: ['card'] })
  @IsIn(['card'])
  method: 'card';

  @ApiProperty({ example: 'tok_success', description: 'mock tokens: tok_success, tok_decline, tok_error, tok_timeout' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token: string;
}

export class CreateOrderDto {
  @ApiProperty({ type: [OrderItemDto], description: `1..${MAX_ORDER_LINES} lines; duplicate productIds are merged` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items: OrderItemDto[];

  @ApiProperty({ type: ShippingAddressDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress: ShippingAddressDto;

  @ApiProperty({ type: PaymentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PaymentDto)
  payment: PaymentDto;
}
