import type { CartLine } from './cart';

/**
 * One Idempotency-Key per checkout attempt. A double click or a retry of a request that got no
 * answer (network error) re-sends the SAME key with the same body: the gateway replays the first
 * order instead of making a second one. Any answer from the server ends the attempt: the next
 * "Place order" (after a decline, a stock fix, a changed address) is a new attempt with a new key.
 */
export class CheckoutAttempt {
  private key: string | null = null;
  private body: string | null = null;

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (!this.key || this.body !== json) {
      this.key = crypto.randomUUID();
      this.body = json;
    }
    return this.key;
  }

  /** The server answered (paid, declined, out of stock…): the attempt is over. */
  finish(): void {
    this.key = null;
    this.body = null;
  }
}

export interface StockProblem { line: CartLine; requested: number; available: number }

/** 409 "Insufficient stock for product 42 (SKU): requested 3, available 1" with details[0].field = items[N].productId. */
export function stockProblem(message: string, field: string | undefined, lines: CartLine[]): StockProblem | null {
  const m = message.match(/product (\d+).*requested (\d+), available (\d+)/);
  const index = field?.match(/^items\[(\d+)\]/)?.[1];
  const line = (m && lines.find((l) => l.productId === Number(m[1]))) ?? (index !== undefined ? lines[Number(index)] : undefined);
  if (!line || !m) return null;
  return { line, requested: Number(m[2]), available: Number(m[3]) };
}
