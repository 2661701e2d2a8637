#!/usr/bin/env bash
# `make test`: start what the suites need (the whole platform), run every suite on the real
# components, print per-suite results and one total line, exit non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RESULTS="$ROOT/.platform/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# Test-only tools from Debian (the platform's own packages are installed by `up`).
( NAME=test-tools; . runtime/lib.sh; apt_install chromium phpunit poppler-utils ) || exit 1
bash runtime/platform.sh up || { echo "platform failed to start: see 'make logs'"; exit 1; }

failed_suites=()
suite_times=()
suite() {
  local name=$1; shift
  local t0=$SECONDS
  echo; echo "=================== $name"
  if "$@"; then echo "=== $name: OK in $((SECONDS - t0))s"; else echo "=== $name: FAILED in $((SECONDS - t0))s"; failed_suites+=("$name"); fi
  suite_times+=("$(printf '%5ss  %s' "$((SECONDS - t0))" "$name")")
}

jest() { # jest DIR CONFIG NAME [JEST ARGS...]
  (cd "$1" && npx jest --config "$2" --ci --runInBand --json --outputFile="$RESULTS/$3.jest.json" "${@:4}" 2>&1)
}
# the security sweep's specs run once, in their own suite (`make test-security`)
SECURITY_SPECS=$(cd api-gateway && node -p 'require("./test/jest-security.config.js").testRegex')
node_test() { # node_test DIR NAME (files one at a time: some restart shared processes, e.g. supervision)
  (cd "$1" && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
     --test-reporter=tap --test-reporter-destination="$RESULTS/$2.tap" test/)
}

[ -f api-gateway/eslint.config.mjs ] && suite "api-gateway lint (make lint: ESLint + Prettier)" make -s lint
[ -d runtime/test ] && suite "runtime smoke (real ES, Kafka, Connect, Postgres)" node_test runtime runtime
[ -f api-gateway/jest.config.js ] && suite "api-gateway unit" jest api-gateway jest.config.js gateway-unit
[ -f api-gateway/test/jest-e2e.config.js ] && suite "api-gateway e2e (real Postgres, Redis, Kafka, ES)" \
  jest api-gateway test/jest-e2e.config.js gateway-e2e --testPathIgnorePatterns "$SECURITY_SPECS"
[ -f api-gateway/test/jest-security.config.js ] && suite "security sweep (make test-security: tokens, GraphQL abuse, revocation, rate limits, :8080)" \
  jest api-gateway test/jest-security.config.js gateway-security
[ -f admin-service/phpunit.xml ] && suite "admin-service (PHPUnit, real Postgres)" \
  bash -c "cd admin-service && phpunit --log-junit '$RESULTS/admin.junit.xml'"
[ -d admin-service/tests/Browser ] && suite "admin + storefront in headless Chromium (one login; screenshots in .platform/test-results/admin-browser)" \
  bash -c "cd admin-service && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination='$RESULTS/admin-browser.tap' tests/Browser/"
[ -f api-gateway/storefront/test/storefront.browser.test.mjs ] && suite "storefront in headless Chromium (issue 16: search to paid order, live status; screenshots in .platform/test-results/storefront-browser)" \
  bash -c "cd api-gateway/storefront && node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination='$RESULTS/storefront-browser.tap' test/logic.test.mjs test/storefront.browser.test.mjs"
[ -f runtime/compose-check.sh ] && suite "docker-compose.yml schema" bash runtime/compose-check.sh
# short form of `make test-faults` (kills/restarts components, restores them): before the lifecycle test, which stops the platform
[ -f runtime/faults/run.sh ] && suite "fault suite, CI form (issue 18: faults under load, invariants, WAL, soak, hostile input)" \
  env FAULTS_STRICT=1 FAULTS_RESULTS_DIR="$RESULTS" bash runtime/faults/run.sh --ci
[ -f runtime/test/lifecycle.sh ] && suite "platform lifecycle (kill, up, down, ports)" bash runtime/test/lifecycle.sh

echo; echo "suite times:"; printf '  %s\n' "${suite_times[@]}"
node runtime/test-summary.mjs "$RESULTS"
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "FAILED suites: ${failed_suites[*]}"
  exit 1
fi
