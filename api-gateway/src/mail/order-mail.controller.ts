import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { OrderEventMessage } from '../events/order-events';
import { OrderConfirmationSender } from './order-confirmation.sender';

/** Kafka consumer (worker): order.paid -> confirmation email. */
@Controller()
export class OrderMailController {
  private readonly logger = new Logger(OrderMailController.name);

  constructor(
    private readonly sender: OrderConfirmationSender,
    private readonly dataSource: DataSource,
  ) {}

  @EventPattern('order.paid')
  async onOrderPaid(@Payload() event: OrderEventMessage & { source?: string }): Promise<void> {
    if (event.source && event.source !== this.dataSource.driver.database) return; // another environment on the same broker
    try {
      const outcome = await this.sender.send(event);
      this.logger.log(`order ${event.orderNumber}: confirmation ${outcome}`);
    } catch (err) {
      this.logger.error(`order ${event.orderNumber}: confirmation failed after retries: ${(err as Error)?.message}`);
    }
  }
}
