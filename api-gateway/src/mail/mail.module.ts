import { Module } from '@nestjs/common';
import { MailTransportModule } from './mail-transport.module';
import { OrderConfirmationSender } from './order-confirmation.sender';
import { OrderMailController } from './order-mail.controller';

/** Confirmation emails over real SMTP (maildev in development); consumed from Kafka in the worker. */
@Module({
  imports: [MailTransportModule],
  controllers: [OrderMailController],
  providers: [OrderConfirmationSender],
  exports: [OrderConfirmationSender],
})
export class MailModule {}
