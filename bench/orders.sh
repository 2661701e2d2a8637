#!/usr/bin/env bash
# Runs bench/orders.mjs (3 runs x 30 s API + 30 s pgbench, medians) after making sure PostgreSQL,
# Redis and Kafka are up and the gateway is built. Extra args are passed through, e.g. --duration 10.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/runtime/platform.sh" up postgres redis kafka >/dev/null
(cd "$ROOT/api-gateway" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build --silent)
exec node "$ROOT/bench/orders.mjs" --runs 3 "$@"
