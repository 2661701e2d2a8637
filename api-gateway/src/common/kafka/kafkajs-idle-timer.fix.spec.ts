import { EventEmitter } from 'events';
import './kafkajs-idle-timer.fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
  pending: unknown[];
  throttledUntil: number;
  checkPendingRequests(): void;
  push(request: unknown): void;
};

const silentLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queue = (maxInFlightRequests: number | null) =>
  new RequestQueue({
    instrumentationEmitter: new EventEmitter(),
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    logger: silentLogger,
    isConnected: () => true,
  });

describe('KafkaJS RequestQueue idle timer fix', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('arms no timer when nothing waits (KafkaJS 2.2.4 re-armed a 1 ms timer forever)', () => {
    const q = queue(null);
    q.checkPendingRequests();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still re-checks a request that waits for a client-side throttle to end', () => {
    const q = queue(null);
    const sent = jest.fn();
    q.throttledUntil = Date.now() + 500;
    const entry = { correlationId: 1, apiKey: 0, apiName: 'Fetch', apiVersion: 0, resolve: jest.fn(), reject: jest.fn() };
    q.push({ entry, expectResponse: false, sendRequest: sent });
    expect(q.pending).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(501);
    expect(q.pending).toHaveLength(0);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
