import { HttpException, HttpStatus } from '@nestjs/common';
import type { ChargeStatus } from '../payments/payment-provider';

const STATUS_BY_CHARGE: Record<Exclude<ChargeStatus, 'succeeded'>, number> = {
  declined: HttpStatus.PAYMENT_REQUIRED,
  error: HttpStatus.BAD_GATEWAY,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
};

/** 402 declined / 502 provider error / 504 provider timeout; the order stays as payment_failed. */
export class PaymentFailedException extends HttpException {
  constructor(
    readonly chargeStatus: Exclude<ChargeStatus, 'succeeded'>,
    orderNumber: string,
  ) {
    super(
      `Payment ${chargeStatus === 'declined' ? 'declined' : chargeStatus === 'timeout' ? 'timed out' : 'failed at the provider'} for order ${orderNumber}`,
      STATUS_BY_CHARGE[chargeStatus],
    );
  }
  get details() {
    return [{ field: 'payment.token', message: `charge ${this.chargeStatus}` }];
  }
}
