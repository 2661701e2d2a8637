import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';

/** Redis pub/sub channel: message = id of an order that just left `pending` through the order flow. */
export const ORDER_SETTLED_CHANNEL = 'orders:settled';

export interface SettledWaiter {
  /** Resolves when the order is signalled (or never: race it with a timeout). */
  readonly signalled: Promise<void>;
  cancel(): void;
}

/**
 * Wakes idempotent twins (a replayed Idempotency-Key waiting while the original is in flight) when
 * the original settles, in this process or another gateway: the settling request publishes the order
 * id, and each gateway has one subscriber connection (opened at the first wait) that resolves the
 * local waiters of that id. Twins register before they re-read the order, so a signal sent in between
 * is not lost; a lost message (Redis away, a process killed) only costs the caller's fallback re-read.
 */
@Injectable()
export class OrderSettledSignal implements OnApplicationShutdown {
  private subscriber: Redis | undefined;
  private subscribing: Promise<void> | undefined;
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Fire and forget: never delays or fails the order. */
  publish(orderId: string): void {
    this.redis.publish(ORDER_SETTLED_CHANNEL, orderId).catch(() => undefined);
  }

  async waiter(orderId: string): Promise<SettledWaiter> {
    await this.subscribe().catch(() => undefined); // without a subscription the caller's fallback re-read still works
    let wake!: () => void;
    const signalled = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const set = this.waiters.get(orderId) ?? new Set<() => void>();
    this.waiters.set(orderId, set.add(wake));
    return {
      signalled,
      cancel: () => {
        set.delete(wake);
        if (!set.size && this.waiters.get(orderId) === set) this.waiters.delete(orderId);
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private subscribe(): Promise<void> {
    this.subscribing ??= (async () => {
      const sub = this.redis.duplicate();
      sub.on('error', () => undefined);
      sub.on('message', (_channel: string, id: string) => {
        for (const wake of this.waiters.get(id) ?? []) wake();
      });
      await sub.subscribe(ORDER_SETTLED_CHANNEL);
      this.subscriber = sub;
    })().catch((err: unknown) => {
      this.subscribing = undefined;
      throw err;
    });
    return this.subscribing;
  }
}
