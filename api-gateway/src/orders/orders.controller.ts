import { Body, Controller, Get, Headers, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { AuthenticatedUser } from '../common/http/request-context';
import { ChangeOrderStatusDto } from './dto/change-status.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
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
  @ApiResponse({ status: 201, description: 'Order paid' })
  @ApiResponse({ status: 402, description: 'Card declined' })
  @ApiResponse({ status: 409, description: 'Insufficient stock (names the product)' })
  @ApiResponse({ status: 422, description: 'Unknown/inactive product, or Idempotency-Key reused with another body' })
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
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListOrdersQuery): Promise<OrderPage> {
    return this.queries.listMine(user, query.page, query.pageSize);
  }

  @Get('state-machine')
  @Roles('admin')
  @ApiOperation({ summary: 'The order state machine: statuses, allowed transitions, targets an admin may set' })
  stateMachine(): ReturnType<typeof stateMachine> {
    return stateMachine();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order (own orders only; admins see all)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', orderIdPipe) id: number): Promise<OrderView> {
    return this.queries.findVisible(user, id);
  }

  @Patch(':id/status')
  @Roles('admin')
  @ApiOperation({ summary: 'Move an order along the state machine (409 on an illegal transition)' })
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderIdPipe) id: number,
    @Body() dto: ChangeOrderStatusDto,
  ): Promise<OrderView> {
    return this.statuses.change(id, dto.status, String(user.id));
  }
}
