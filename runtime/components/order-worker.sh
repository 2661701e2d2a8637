# Order worker (api-gateway/dist/worker.js): outbox relay -> Kafka, order.paid -> confirmation
# email over SMTP (maildev), expired-reservation reaper. No port: healthy once the process has
# written its ready file (after the Kafka consumer joined and the relay started).
START_TIMEOUT=90

install() { gateway_build; restart_if_stale; }

start() {
  rm -f "$STATE/ready"
  cd "$GATEWAY_DIR" && ORDER_WORKER_READY_FILE="$STATE/ready" start_bg node dist/worker.js
}

healthy() { pid_alive && [ -f "$STATE/ready" ]; }

version() { gateway_version "order-worker, kafkajs" kafkajs; }
