# PostgreSQL 15 from Debian: own cluster under .platform/postgres, logical WAL for Debezium.
DEPENDS=""
PORT=$DB_PORT
PGBIN=/usr/lib/postgresql/15/bin
DATA="$STATE/data"
SOCKET_DIR="$STATE/run"

install() {
  [ -x "$PGBIN/initdb" ] || apt_install postgresql-15 postgresql-client-15
  id postgres >/dev/null 2>&1 || fail "the 'postgres' system user is missing (reinstall postgresql-15)"
  # The server refuses to run as root: it runs as 'postgres', which must reach the state dir.
  mkdir -p "$STATE" "$SOCKET_DIR"
  chown postgres:postgres "$STATE" "$SOCKET_DIR"
  grant_traverse postgres "$STATE"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "  initdb $DATA"
    runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
      || fail "initdb failed: see ${STATE#$ROOT/}/initdb.log"
    cat >>"$DATA/postgresql.conf" <<CONF
# --- commerce platform ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKET_DIR'
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
max_slot_wal_keep_size = 4GB
max_connections = 300
shared_buffers = 256MB
logging_collector = off
CONF
    echo "host replication all 127.0.0.1/32 scram-sha-256" >>"$DATA/pg_hba.conf"
  fi
}

psql_admin() { "$PGBIN/psql" -h "$SOCKET_DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $PORT" start -w -t 60 >/dev/null \
    || { tail -n 20 "$LOG" >&2; fail "pg_ctl start failed"; }
  # Roles and database, idempotent. 'commerce' owns the schema; 'debezium' only replicates.
  psql_admin -d postgres <<SQL || fail "creating roles/database failed"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USERNAME') THEN
    CREATE ROLE "$DB_USERNAME" LOGIN REPLICATION CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'debezium') THEN
    CREATE ROLE debezium LOGIN REPLICATION PASSWORD 'debezium';
  END IF;
END \$\$;
SQL
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_DATABASE'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE \"$DB_DATABASE\" OWNER \"$DB_USERNAME\"" >/dev/null
  fi
}

alive()   { [ -f "$DATA/postmaster.pid" ] && proc_alive "$(head -1 "$DATA/postmaster.pid")"; }
healthy() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d "$DB_DATABASE" && psql_admin -d "$DB_DATABASE" -c 'SELECT 1' >/dev/null; }
stop()    { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" stop -m fast -w -t 60 >/dev/null; }
version() { echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')"; }
