# Schema: applies the TypeORM migrations of api-gateway (the runtime owner of the schema) to
# DB_DATABASE. One-shot task, idempotent (already applied migrations are skipped).
# The Laravel migrations in admin-service build the identical schema but are never run here
# (api-gateway/test/schema/schema-parity.e2e-spec.ts proves they match).
KIND=task
APP="$ROOT/api-gateway"
PGBIN=/usr/lib/postgresql/15/bin

# migrations_stale: compiled migration runner missing or older than any source under src/database
migrations_stale() {
  [ -f "$APP/dist/database/migrate.js" ] || return 0
  [ -n "$(find "$APP/src/database" -name '*.ts' ! -name '*.spec.ts' -newer "$APP/dist/database/migrate.js" -print -quit 2>/dev/null)" ]
}

install() {
  require_cmd node "install Node.js 20+"
  # Only a fresh checkout needs dependencies here; refreshing a stale node_modules is left to
  # the api-gateway component (the runner needs nothing beyond typeorm, pg and dotenv).
  [ -d "$APP/node_modules/typeorm" ] || npm_install "$APP"
}

run() {
  "$PGBIN/pg_isready" -q -h "$DB_HOST" -p "$DB_PORT" -d "$DB_DATABASE" \
    || fail "PostgreSQL is not reachable on $DB_HOST:$DB_PORT (bash runtime/platform.sh up postgres)"
  local runner=(node dist/database/migrate.js)
  if migrations_stale; then
    say "  building api-gateway (tsc) for the migration runner"
    if ! (cd "$APP" && npm run build --silent) >"$STATE/build.log" 2>&1 || [ ! -f "$APP/dist/database/migrate.js" ]; then
      # Someone else's half-written gateway code must not block the schema: the migration
      # runner only imports src/database, which ts-node compiles on its own.
      say "  gateway build failed (${STATE#$ROOT/}/build.log: $(grep -m1 'error TS' "$STATE/build.log" || true)); using ts-node"
      runner=(npx --no-install ts-node --transpile-only src/database/migrate.ts)
    fi
  fi
  local out
  if ! out=$(cd "$APP" && "${runner[@]}" run 2>&1); then
    printf '%s\n' "$out" >>"$LOG"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/  /' >&2
    fail "migrations failed: see ${LOG#$ROOT/}"
  fi
  printf '%s\n' "$out" >>"$LOG"
  printf '%s\n' "$out" | sed 's/^/  /'
}
