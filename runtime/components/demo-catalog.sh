# One-shot task: the first `make up` on an empty catalog (no products, categories or brands) loads
# the demo catalog with the gateway's seeder (api-gateway/src/database/seed: 10k products with
# image rows, categories, brands, the demo users, 90 days of orders) and says so (the demo-images task
# paints the pictures). An existing catalog is never touched (`make seed` is the explicit way to
# reseed). Runs before the connector, so Debezium's initial snapshot puts the demo catalog into the
# search index.
KIND=task
DEPENDS="schema"
DEMO_PRODUCTS=${DEMO_PRODUCTS:-10000}

install() { gateway_build; }

# the seeder's --if-empty decides (the same rule as Compose's seed job) and says what it did
run() {
  local out
  if ! out=$(cd "$GATEWAY_DIR" && PRODUCTS=$DEMO_PRODUCTS node dist/database/seed/run.js --if-empty 2>&1); then
    printf '%s\n' "$out" >>"$LOG"; printf '%s\n' "$out" | tail -n 20 | sed 's/^/  /' >&2
    fail "the demo catalog seeder failed: see ${LOG#$ROOT/}"
  fi
  printf '%s\n' "$out" >>"$LOG"
  printf '%s\n' "$out" | grep -E '^(catalog present|empty catalog|done|  )' | sed 's/^ */  /'
}
