import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import { OrderQueriesService, OrderView } from './order-queries.service';
import { OrderRepository } from './order.repository';
import { MANUAL_TARGETS, OrderStatus } from './order-status';
import { OrderTransitions } from './order-transitions.service';

@Injectable()
export class OrderStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitions,
    private readonly queries: OrderQueriesService,
  ) {}

  /** Admin transition by `actorUserId`: 404 unknown order, 422 non-manual target, 409 illegal transition. */
  async change(orderId: number, to: OrderStatus, actorUserId: string): Promise<OrderView> {
    if (!MANUAL_TARGETS.includes(to)) {
      throw new UnprocessableFieldException('status', `status ${to} is set by the payment flow; allowed: ${MANUAL_TARGETS.join(', ')}`);
    }
    await this.dataSource.transaction(async (m) => {
      const head = await this.orders.lockHead(m, String(orderId));
      if (!head) throw new NotFoundException(`Order ${orderId} not found`);
      await this.transitions.apply(m, head, to, { source: 'admin', actorUserId });
    });
    return this.queries.view(orderId);
  }
}
