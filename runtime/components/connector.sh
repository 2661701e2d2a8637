# One-shot task: registers the Debezium connectors after the schema exists: the catalog connector
# (connectors/catalog-postgres.json) and the order-events outbox connector
# (connectors/outbox-postgres.json: outbox table -> Debezium outbox event router -> order.* topics).
# Idempotent: re-running with an unchanged config is a no-op. For each connector file:
#  1. checks the captured tables exist (clear error if the schema task has not run),
#  2. safety net: REPLICA IDENTITY FULL on the low-write catalog tables if a table lacks it
#     (normally already done by the SetCatalogReplicaIdentity migration; see docs/cdc.md),
#  3. connectors/register.sh: PUT the config, wait until connector + task are RUNNING.
# The two connectors go through these steps side by side. Their topics come from the cdc-topics task.
DEPENDS="connect schema demo-catalog cdc-topics"
KIND=task
CONNECTOR_FILE=${CONNECTOR_FILE:-$ROOT/connectors/catalog-postgres.json}
OUTBOX_CONNECTOR_FILE=${OUTBOX_CONNECTOR_FILE:-$ROOT/connectors/outbox-postgres.json}
# Tables whose update/delete events must carry the complete old row (TOASTed text/jsonb).
FULL_IDENTITY_TABLES="public.products public.categories public.brands public.product_images"

cdc_psql() {
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=5 psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" \
    -d "$DB_DATABASE" -v ON_ERROR_STOP=1 -qAt "$@"
}

install() {
  require_cmd node "Node.js 20+"
  require_cmd curl "apt-get install curl"
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client-15
  npm_install "$ROOT/runtime"
}

# connector_unchanged_and_running: Connect already runs the connector (and every task) with exactly
# the file's config (placeholders are stored unresolved, so the comparison is exact). Then a warm
# `make up` skips the registration and its stability wait; any change still goes through register.sh.
connector_unchanged_and_running() { # <connector file>
  node -e '
    const { name, config } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const base = process.argv[2].replace(/\/$/, "") + "/connectors/" + encodeURIComponent(name);
    const get = (p) => fetch(base + p, { signal: AbortSignal.timeout(3000) }).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
    Promise.all([get("/status"), get("/config")]).then(([st, cur]) => {
      const running = st.connector.state === "RUNNING" && st.tasks.length > 0 && st.tasks.every((t) => t.state === "RUNNING");
      const want = { ...config, name };
      const same = Object.keys(want).length === Object.keys(cur).length && Object.entries(want).every(([k, v]) => cur[k] === String(v));
      process.exit(running && same ? 0 : 1);
    }, () => process.exit(1));
  ' "$1" "$CONNECT_URL" 2>/dev/null
}

slot_active() {
  [ "$(cdc_psql -c "SELECT active FROM pg_replication_slots WHERE slot_name = '$1'" 2>/dev/null)" = t ]
}

run() {
  local t pids=() rc=0
  cdc_psql -c 'SELECT 1' >/dev/null 2>&1 || fail "PostgreSQL $DB_HOST:$DB_PORT/$DB_DATABASE not reachable as $DB_USERNAME"
  [ "$(cdc_psql -c 'SHOW wal_level')" = logical ] || fail "PostgreSQL wal_level is not 'logical'"

  for t in $(cdc_psql -c "SELECT t FROM unnest(string_to_array('$FULL_IDENTITY_TABLES', ' ')) t
                          WHERE (SELECT relreplident FROM pg_class WHERE oid = t::regclass) <> 'f'"); do
    say "  ALTER TABLE $t REPLICA IDENTITY FULL"
    cdc_psql -c "ALTER TABLE $t REPLICA IDENTITY FULL" || fail "could not set REPLICA IDENTITY FULL on $t"
  done

  register_connector "$CONNECTOR_FILE" & pids+=($!)
  register_connector "$OUTBOX_CONNECTOR_FILE" & pids+=($!)
  for t in "${pids[@]}"; do wait "$t" || rc=1; done   # each names its own failure
  return "$rc"
}

register_connector() { # <connector file>
  local file=$1 meta tables slot missing
  # the captured tables (space-separated), then the slot name, on one line each
  meta=$(node -e '
    const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).config;
    console.log(c["table.include.list"].split(",").join(" ")); console.log(c["slot.name"]);' "$file") \
    || fail "cannot read $file"
  tables=${meta%$'\n'*} slot=${meta##*$'\n'}
  missing=$(cdc_psql -c "SELECT string_agg(t, ' ') FROM unnest(string_to_array('$tables', ' ')) t WHERE to_regclass(t) IS NULL")
  [ -z "$missing" ] || fail "captured tables missing: $missing (run the schema task first: runtime/platform.sh up schema)"

  if connector_unchanged_and_running "$file"; then
    say "  $(basename "$file"): connector RUNNING with this exact config: nothing to register"
  else
    bash "$ROOT/connectors/register.sh" "$file" || fail "connector registration failed (see above and .platform/connect/connect.log)"
  fi

  # A task is RUNNING at the Connect level while Debezium still waits/retries for its slot
  # (e.g. held by another client); streaming has really started once the slot is active.
  # (A function, not `test "$(…)"`: a command substitution in wait_for's arguments is evaluated once,
  # so a slot that became active during the initial snapshot was never seen.)
  wait_for "replication slot $slot active" "${SLOT_WAIT_TIMEOUT:-180}" slot_active "$slot" \
    || fail "connector is RUNNING but replication slot '$slot' is not active after ${SLOT_WAIT_TIMEOUT:-180}s (held by another client? see pg_stat_replication and .platform/connect/connect.log)"
}
