/** Injection token of the active payment provider (the mock today, a real PSP adapter later). */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface ChargeRequest {
  orderId: string;
  orderNumber: string;
  /** Decimal string with two places, e.g. "129.90". */
  amount: string;
  currency: string;
  /** Card token produced by the client-side tokenizer. */
  token: string;
}

export type ChargeStatus = 'succeeded' | 'declined' | 'error' | 'timeout';

export interface ChargeResult {
  status: ChargeStatus;
  providerRef: string | null;
  /** Human-readable reason for a failed charge (stored in payments.error). */
  error: string | null;
}

/** What the order flow needs from a payment service provider. */
export interface PaymentProvider {
  /** Short provider name stored in payments.provider. */
  readonly name: string;
  /** Charges the card; must settle on abort (the caller gives up after its timeout). */
  charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeResult>;
}
