#!/usr/bin/env bash
# Runs bench/api-product.mjs (3 runs, medians) after making sure PostgreSQL/Redis are up and the
# gateway is built. Extra args are passed through, e.g. --duration 20.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/runtime/platform.sh" up postgres redis >/dev/null
(cd "$ROOT/api-gateway" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build --silent)
exec node "$ROOT/bench/api-product.mjs" --runs 3 "$@"
