# CDC indexer (api-gateway/dist/indexer.js): Debezium topics -> Elasticsearch + Redis invalidation.
# Health, Prometheus metrics and JSON stats on INDEXER_HTTP_PORT (default 3001): /health, /metrics, /stats.
# Its topics come from the cdc-topics task, not from the connectors' registration: it consumes
# whatever Connect produces, whenever that starts. Launched beside the search node, which it waits
# for itself (src/indexer.ts), so its Node start overlaps the node's.
DEPENDS="cdc-topics schema elasticsearch redis"
LAUNCH_BESIDE="elasticsearch"
PORT=${INDEXER_HTTP_PORT:-3001}
START_TIMEOUT=90

install() { require_cmd curl "apt-get install curl"; gateway_build; restart_if_stale; }

start() {
  cd "$GATEWAY_DIR" && INDEXER_HTTP_PORT=$PORT start_supervised node dist/indexer.js
}

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; }

version() { gateway_version "indexer, kafkajs" kafkajs; }
