import { Body, Controller, Get, Headers, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-responses';
import type { Response } from 'express';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { AuthenticatedUser } from '../common/http/request-context';
import { ChangeOrderStatusDto } from './dto/change-status.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { OrderPageDto, OrderStateMachineDto, OrderViewDto } from './dto/order.view.dto';
import { requireIdempotencyKey } from './idempotency-key';
import { OrderPlacementService } from './order-placement.service';
import { OrderPage, OrderQueriesService, OrderView } from './order-queries.service';
import { stateMachine } from './order-status';
import { OrderStatusService } from './order-status.service';

const orderIdPipe = new ParseIntPipe({
  exceptionFactory: () => new ValidationFailedException([{ field: 'id', message: 'id must be an integer' }]),
});

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placement: OrderPlacementService,
    private readonly queries: OrderQueriesService,
    private readonly statuses: OrderStatusService,
  ) {}

  @Post()
  @Roles('customer', 'admin')
  @ApiOperation({ summary: 'Place an order: reserve stock, charge, confirm' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8-255 visible ASCII characters; a replay returns the original order',
  })
  @ApiCreatedResponse({
    type: OrderViewDto,
    description: 'Order paid (a replay answers the original order with Idempotent-Replayed: true)',
  })
  @ApiErrors(
    [400, 'Idempotency-Key missing or malformed, or a body field invalid (`details[]` names it)'],
    401,
    [402, 'Card declined; the reservation is released'],
    403,
    [409, 'Insufficient stock (names the product), or the same key still in flight'],
    [422, 'Unknown/inactive product, or Idempotency-Key reused with another body'],
    429,
    503,
  )
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: CreateOrderDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderView> {
    const key = requireIdempotencyKey(idempotencyKey);
    const placed = await this.placement.place(user, dto, key);
    if (placed.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return placed.order;
  }

  @Get()
  @ApiOperation({ summary: 'My orders, newest first' })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiErrors([400, '`page` or `pageSize` out of range'], 401, 503)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListOrdersQuery): Promise<OrderPage> {
    return this.queries.listMine(user, query.page, query.pageSize);
  }

  @Get('state-machine')
  @Roles('admin')
  @ApiOperation({ summary: 'The order state machine: statuses, allowed transitions, targets an admin may set' })
  @ApiOkResponse({ type: OrderStateMachineDto })
  @ApiErrors(401, 403)
  stateMachine(): ReturnType<typeof stateMachine> {
    return stateMachine();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order (own orders only; admins see all)' })
  @ApiOkResponse({ type: OrderViewDto })
  @ApiErrors([400, '`id` is not an integer'], 401, [404, 'No such order, or not yours'], 503)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', orderIdPipe) id: number): Promise<OrderView> {
    return this.queries.findVisible(user, id);
  }

  @Patch(':id/status')
  @Roles('admin')
  @ApiOperation({ summary: 'Move an order along the state machine (409 on an illegal transition)' })
  @ApiOkResponse({ type: OrderViewDto, description: 'The order after the move (recorded in its status history, event emitted)' })
  @ApiErrors([400, '`id` or `status` invalid'], 401, 403, [404, 'No such order'], [409, 'Illegal transition from the current status'], 503)
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderIdPipe) id: number,
    @Body() dto: ChangeOrderStatusDto,
  ): Promise<OrderView> {
    return this.statuses.change(id, dto.status, String(user.id));
  }
}
