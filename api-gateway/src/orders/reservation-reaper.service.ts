import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrderRepository } from './order.repository';
import { OrderTransitions } from './order-transitions.service';

/**
 * Releases the stock of pending orders whose reservation expired (the API crashed or was killed
 * between reserve and payment): each order is cancelled in its own transaction with its row
 * locked, so a late settlement and the reaper can never both win.
 */
@Injectable()
export class ReservationReaper {
  private readonly logger = new Logger(ReservationReaper.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitions,
  ) {}

  /** One sweep; returns the ids of the orders it cancelled. */
  async sweep(batchSize = 100): Promise<string[]> {
    const candidates = await this.orders.expiredReservations(this.dataSource.manager, batchSize);
    const reaped: string[] = [];
    for (const id of candidates) {
      const done = await this.dataSource.transaction(async (m) => {
        const head = await this.orders.lockHead(m, id);
        if (!head || head.status !== 'pending' || !head.reservedUntil || head.reservedUntil.getTime() > Date.now()) return false;
        await this.transitions.apply(m, head, 'cancelled', { source: 'reservation-reaper', reason: 'reservation expired' });
        return true;
      });
      if (done) reaped.push(id);
    }
    if (reaped.length) this.logger.log(`released ${reaped.length} expired reservation(s)`);
    return reaped;
  }
}
