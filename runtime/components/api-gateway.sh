# NestJS API gateway (identity, catalog and search API, orders, OpenAPI, health, metrics).
DEPENDS="schema redis kafka elasticsearch maildev"
# Readiness does not need the search node (search degrades, docs/search.md), and the one start-up
# call to it (the search-events template) retries: launched beside it, its start overlaps the node's.
LAUNCH_BESIDE="elasticsearch"
PORT=$GATEWAY_PORT

install() { require_cmd curl "apt-get install curl"; gateway_build; restart_if_stale; }
start()   { cd "$GATEWAY_DIR" && start_supervised node dist/main.js; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; }
version() { gateway_version NestJS @nestjs/core; }
