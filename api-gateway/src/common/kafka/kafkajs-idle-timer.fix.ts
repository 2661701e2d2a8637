/**
 * KafkaJS 2.2.4 (the latest release) keeps every idle broker connection's event loop busy: after each
 * check of its pending-request queue, RequestQueue re-arms `setTimeout(checkPendingRequests, throttledUntil - now)`
 * even when nothing is pending. `throttledUntil` is -1 when not throttled, so the delay is negative, Node
 * runs it after 1 ms, and the check re-arms itself forever: an idle consumer made ~1,550 epoll wake-ups a
 * second (strace -c, 2026-11-30), about 2–4 % of a core per Node process of ours. Here the timer is armed only
 * while a request waits; `push()` re-arms it for the next waiting request, and a finished request checks the
 * queue itself. Loaded for its effect by every process that talks to Kafka (main.ts, worker.ts, indexer.ts).
 */
interface RequestQueueLike {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- KafkaJS exports no handle to its RequestQueue
const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueLike };

const original = RequestQueue.prototype.scheduleCheckPendingRequests;

if (original.name !== 'scheduleWhilePending') {
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleWhilePending(this: RequestQueueLike) {
    if (this.pending.length > 0) original.call(this);
  };
}
