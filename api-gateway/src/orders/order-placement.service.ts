import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import type { AuthenticatedUser } from '../common/http/request-context';
import { PaymentsService } from '../payments/payments.service';
import { OrdersConfig } from './config/orders.config';
import type { CreateOrderDto } from './dto/create-order.dto';
import { mergeLines } from './order-lines';
import { OrderQueriesService, OrderView } from './order-queries.service';
import { OrderRepository, OrderHead } from './order.repository';
import { OrderReservationService } from './order-reservation.service';
import { OrderSettledSignal } from './order-settled.signal';
import { OrderSettlementService } from './order-settlement.service';
import { PaymentFailedException } from './payment-failure.exception';
import { retryWhileDbUnavailable } from './settle-retry';
import { orderRequestHash } from './request-hash';

export interface PlacedOrder {
  order: OrderView;
  /** true when the Idempotency-Key had already been used with the same body. */
  replayed: boolean;
}

/** Fallback re-read while a twin waits (a lost signal, or the reaper cancelling the original). */
const RECHECK_MS = 1000;

/**
 * POST /api/orders: reserve (tx 1) -> charge outside any transaction, with a deadline -> settle
 * (tx 2). A replayed Idempotency-Key returns the original outcome, waiting while it is in flight.
 */
@Injectable()
export class OrderPlacementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: OrdersConfig,
    private readonly orders: OrderRepository,
    private readonly reservations: OrderReservationService,
    private readonly settlement: OrderSettlementService,
    private readonly payments: PaymentsService,
    private readonly queries: OrderQueriesService,
    private readonly settled: OrderSettledSignal,
  ) {}

  async place(user: AuthenticatedUser, dto: CreateOrderDto, idempotencyKey: string): Promise<PlacedOrder> {
    const lines = mergeLines(dto.items);
    const requestHash = orderRequestHash(dto);
    const { existing, catalog } = await this.orders.findByKeyWithCatalog(
      this.dataSource.manager,
      user.id,
      idempotencyKey,
      lines.map((l) => l.productId),
    );
    if (existing) return this.replay(existing, requestHash);

    const reserved = await this.reservations.reserve({
      user,
      dto,
      lines,
      idempotencyKey,
      requestHash,
      reservationSeconds: this.config.ORDER_RESERVATION_TTL_SECONDS,
      catalog,
    });
    if (reserved.kind === 'duplicate-key') {
      const original = await this.orders.findByIdempotencyKey(this.dataSource.manager, user.id, idempotencyKey);
      if (!original) throw new ConflictException('Concurrent request with the same Idempotency-Key failed; retry');
      return this.replay(original, requestHash);
    }

    const charge = await this.payments.charge({
      orderId: reserved.orderId,
      orderNumber: reserved.number,
      amount: reserved.total,
      currency: reserved.currency,
      token: dto.payment.token,
    });
    const settled = await retryWhileDbUnavailable(
      (attempt) => this.settlement.settle(reserved, this.payments.providerName, charge, attempt),
      this.config.ORDER_SETTLE_RETRY_MS,
    ).finally(() => this.settled.publish(reserved.orderId));
    if (settled.outcome === 'payment_failed') {
      throw new PaymentFailedException(charge.status === 'succeeded' ? 'error' : charge.status, reserved.number);
    }
    return { order: settled.view, replayed: false };
  }

  private async replay(original: OrderHead, requestHash: string): Promise<PlacedOrder> {
    if (original.requestHash !== requestHash) {
      throw new UnprocessableFieldException(
        'Idempotency-Key',
        `Idempotency-Key was already used with a different request body (order ${original.number})`,
      );
    }
    const settled = await this.waitWhilePending(original);
    if (settled.status === 'payment_failed') {
      const status = await this.orders.lastPaymentStatus(this.dataSource.manager, settled.id);
      throw new PaymentFailedException(status && status !== 'succeeded' ? status : 'error', settled.number);
    }
    if (settled.status === 'pending') {
      throw new ConflictException(`Order ${settled.number} for this Idempotency-Key is still being processed; retry later`);
    }
    if (settled.status === 'cancelled') {
      throw new ConflictException(`Order ${settled.number} for this Idempotency-Key was cancelled`);
    }
    return { order: await this.queries.view(settled.id), replayed: true };
  }

  /**
   * Waits while the original is in flight: woken by its settlement signal (OrderSettledSignal), with a
   * re-read every RECHECK_MS as a fallback; no 50 ms polling. The waiter is registered before each
   * re-read, so a signal between the read and the wait is not missed.
   */
  private async waitWhilePending(head: OrderHead): Promise<OrderHead> {
    const deadline = Date.now() + this.config.ORDER_IDEMPOTENCY_WAIT_MS;
    let current = head;
    while (current.status === 'pending' && Date.now() < deadline) {
      const waiter = await this.settled.waiter(head.id);
      try {
        current = (await this.orders.findHead(this.dataSource.manager, head.id)) ?? current;
        if (current.status !== 'pending') break;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          waiter.signalled,
          new Promise((r) => {
            timer = setTimeout(r, Math.min(RECHECK_MS, Math.max(0, deadline - Date.now())));
          }),
        ]);
        clearTimeout(timer);
      } finally {
        waiter.cancel();
      }
    }
    return current.status === 'pending' ? ((await this.orders.findHead(this.dataSource.manager, head.id)) ?? current) : current;
  }
}
