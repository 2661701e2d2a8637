# One-shot task: the first `make up` on an empty catalog (no products, categories or brands) loads
# the demo catalog with the gateway's seeder (api-gateway/src/database/seed: 10k products with
# images, categories, brands, the demo users, 90 days of orders) and says so. An existing catalog
# is never touched (`make seed` is the explicit way to reseed). Runs before the connector, so
# Debezium's initial snapshot puts the demo catalog into the search index.
KIND=task
DEPENDS="schema"
DEMO_PRODUCTS=${DEMO_PRODUCTS:-10000}

install() {
  gateway_build
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client-15
}

catalog_rows() {
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=5 psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_DATABASE" \
    -v ON_ERROR_STOP=1 -qAt -c 'SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM categories) + (SELECT count(*) FROM brands)'
}

run() {
  local rows
  rows=$(catalog_rows) || fail "cannot count the catalog rows in $DB_HOST:$DB_PORT/$DB_DATABASE"
  if [ "$rows" != 0 ]; then say "  catalog present: left as it is (make seed reseeds on purpose)"; return 0; fi
  say "  empty catalog: loading the demo catalog once ($DEMO_PRODUCTS products with images, demo users, 90 days of orders)"
  local out
  if ! out=$(cd "$GATEWAY_DIR" && PRODUCTS=$DEMO_PRODUCTS node dist/database/seed/run.js 2>&1); then
    printf '%s\n' "$out" >>"$LOG"; printf '%s\n' "$out" | tail -n 20 | sed 's/^/  /' >&2
    fail "the demo catalog seeder failed: see ${LOG#$ROOT/}"
  fi
  printf '%s\n' "$out" >>"$LOG"
  printf '%s\n' "$out" | grep -E '^(done|  )' | sed 's/^ */  /'
}
