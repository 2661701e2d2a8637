# Schema: applies the TypeORM migrations of api-gateway (the runtime owner of the schema) to
# DB_DATABASE. One-shot task, idempotent (already applied migrations are skipped).
# The Laravel migrations in admin-service build the identical schema but are never run here
# (api-gateway/test/schema/schema-parity.e2e-spec.ts proves they match).
DEPENDS="postgres"
KIND=task
PGBIN=/usr/lib/postgresql/15/bin

install() { gateway_build; }

run() {
  "$PGBIN/pg_isready" -q -h "$DB_HOST" -p "$DB_PORT" -d "$DB_DATABASE" \
    || fail "PostgreSQL is not reachable on $DB_HOST:$DB_PORT (bash runtime/platform.sh up postgres)"
  local runner=(node dist/database/migrate.js)
  local out
  if ! out=$(cd "$GATEWAY_DIR" && "${runner[@]}" run 2>&1); then
    printf '%s\n' "$out" >>"$LOG"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/  /' >&2
    fail "migrations failed: see ${LOG#$ROOT/}"
  fi
  printf '%s\n' "$out" >>"$LOG"
  printf '%s\n' "$out" | sed 's/^/  /'
}
