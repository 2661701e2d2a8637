import { ApiProperty } from '@nestjs/swagger';
import type { OrderLineView, OrderPage, OrderView } from '../order-queries.service';
import { ORDER_STATUSES, OrderStatus, stateMachine } from '../order-status';

// OpenAPI schemas of the order views. `implements` ties each to the view the service returns,
// so a field added there and forgotten here fails the build.

export class OrderLineViewDto implements OrderLineView {
  @ApiProperty({ example: 42 }) productId: number;
  @ApiProperty({ example: 'TEE-BLUE-M' }) sku: string;
  @ApiProperty({ example: 'Blue Tee' }) name: string;
  @ApiProperty({ example: 19.99 }) unitPrice: number;
  @ApiProperty({ example: 2 }) quantity: number;
  @ApiProperty({ example: 39.98 }) lineTotal: number;
}

export class OrderPaymentViewDto {
  @ApiProperty({ example: 'fake-card' }) provider: string;
  @ApiProperty({ example: 'captured' }) status: string;
  @ApiProperty({ type: String, nullable: true }) providerRef: string | null;
  @ApiProperty({ example: 39.98 }) amount: number;
}

export class OrderViewDto implements OrderView {
  @ApiProperty({ example: 1201 }) id: number;
  @ApiProperty({ example: 'ORD-20261130-001201' }) number: string;
  @ApiProperty({ example: 7 }) userId: number;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'paid' }) status: OrderStatus;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: 39.98 }) subtotal: number;
  @ApiProperty({ example: 39.98 }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { line1: '1 Main St', city: 'Springfield' } })
  shippingAddress: Record<string, string>;
  @ApiProperty({ type: [OrderLineViewDto] }) items: OrderLineViewDto[];
  @ApiProperty({ type: OrderPaymentViewDto, nullable: true }) payment: OrderPaymentViewDto | null;
  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-30T10:00:01.000Z' }) updatedAt: string;
}

export class OrderPageDto implements OrderPage {
  @ApiProperty({ type: [OrderViewDto] }) items: OrderViewDto[];
  @ApiProperty({ example: 57 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

type StateMachine = ReturnType<typeof stateMachine>;

export class OrderStateMachineDto implements StateMachine {
  @ApiProperty({ enum: ORDER_STATUSES, isArray: true }) statuses: StateMachine['statuses'];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', enum: [...ORDER_STATUSES] } },
    description: 'status → the statuses it may move to',
    example: { paid: ['shipped', 'refunded', 'cancelled'] },
  })
  transitions: StateMachine['transitions'];
  @ApiProperty({ enum: ORDER_STATUSES, isArray: true, description: 'targets an admin may set by hand' })
  manualTargets: StateMachine['manualTargets'];
}
