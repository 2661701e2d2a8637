import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ORDER_STATUSES, OrderStatus } from '../order-status';

export class ChangeOrderStatusDto {
  @ApiProperty({ enum: ORDER_STATUSES, example: 'shipped' })
  @IsIn(ORDER_STATUSES)
  status: OrderStatus;
}
