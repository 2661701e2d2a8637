# Order worker (api-gateway/dist/worker.js): outbox relay -> Kafka, order.paid -> confirmation
# email over SMTP (maildev), expired-reservation reaper. No port: healthy once the process has
# written its ready file (after the Kafka consumer joined and the relay started).
DEPENDS="schema kafka redis maildev"
START_TIMEOUT=90

install() { gateway_build; restart_if_stale; }

start() {
  rm -f "$STATE/ready"
  # every (re)start under the supervisor clears the ready file first, so `healthy` means this run joined
  cd "$GATEWAY_DIR" && ORDER_WORKER_READY_FILE="$STATE/ready" \
    start_supervised bash -c 'rm -f "$ORDER_WORKER_READY_FILE"; exec node dist/worker.js'
}

healthy() { pid_alive && [ -f "$STATE/ready" ]; }

version() { gateway_version "order-worker, kafkajs" kafkajs; }
