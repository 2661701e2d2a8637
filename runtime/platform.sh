#!/usr/bin/env bash
# Native runtime orchestrator: platform.sh up|down|status|logs [component...]
# Each component lives in runtime/components/<name>.sh (see runtime/README.md).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNTIME="$ROOT/runtime"

# Start order. Files that don't exist yet are skipped; "task" components run once per `up`.
ORDER=(postgres redis kafka elasticsearch maildev schema connect connector
       api-gateway indexer order-worker php-fpm admin-worker nginx)

available() {
  local c out=()
  for c in "${ORDER[@]}"; do [ -f "$RUNTIME/components/$c.sh" ] && out+=("$c"); done
  echo "${out[@]}"
}

# in_component NAME FUNCTION... : run a component function in an isolated subshell.
in_component() {
  local comp=$1; shift
  (
    NAME=$comp KIND=service PORT="" START_TIMEOUT=120
    # shellcheck disable=SC1091
    . "$RUNTIME/lib.sh"
    load_env
    STATE="$PLATFORM_DIR/$comp"; LOG="$STATE/$comp.log"
    mkdir -p "$STATE"
    install() { :; }
    alive()   { pid_alive; }
    healthy() { pid_alive; }
    stop()    { stop_pidfile; }
    version() { echo "-"; }
    # shellcheck disable=SC1090
    . "$RUNTIME/components/$comp.sh"
    "$@"
  )
}

log_tail() { printf -- '--- last lines of %s ---\n' "${LOG#$ROOT/}"; tail -n 25 "$LOG" 2>/dev/null || true; }

up_one() {
  install
  if [ "$KIND" = task ]; then
    say "[$NAME] running"; run; return
  fi
  if healthy >/dev/null 2>&1; then say "[$NAME] already up"; return; fi
  if ! alive 2>/dev/null; then
    if [ -n "$PORT" ] && port_in_use "$PORT"; then
      fail "port $PORT is already in use by $(port_owner "$PORT" || echo 'another process'); stop it or change the port in .env"
    fi
    say "[$NAME] starting"
    start
  fi
  local t0=$SECONDS
  until healthy >/dev/null 2>&1; do
    if ! alive 2>/dev/null; then log_tail >&2; fail "process exited during startup"; fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      log_tail >&2; fail "not healthy after ${START_TIMEOUT}s"
    fi
    sleep 1
  done
  say "[$NAME] up in $((SECONDS - t0))s ($(version))"
}

status_one() {
  [ "$KIND" = task ] && return 0
  local state=down
  healthy >/dev/null 2>&1 && state=up
  printf '%-14s %-5s %-34s %s\n' "$NAME" "$state" "$(version 2>/dev/null || echo -)" "${PORT:--}"
}

down_one() {
  [ "$KIND" = task ] && return 0
  if alive 2>/dev/null || healthy >/dev/null 2>&1; then say "[$NAME] stopping"; stop; fi
}

cmd=${1:-status}; shift || true
read -r -a all <<<"$(available)"
comps=("$@"); [ ${#comps[@]} -eq 0 ] && comps=("${all[@]}")

case "$cmd" in
  up)
    t0=$SECONDS
    for c in "${comps[@]}"; do in_component "$c" up_one; done
    echo "platform up in $((SECONDS - t0))s"
    in_component nginx true 2>/dev/null || true
    # shellcheck disable=SC1091
    . "$RUNTIME/lib.sh"; load_env
    cat <<URLS
  storefront + API   http://localhost:${NGINX_PORT}/          (API docs: /api/docs)
  admin panel        http://localhost:${NGINX_PORT}/admin
  Elasticsearch      ${ELASTICSEARCH_URL}
  Kafka              ${KAFKA_BROKERS}     Connect REST: ${CONNECT_URL}/connectors
  PostgreSQL         postgresql://${DB_USERNAME}@${DB_HOST}:${DB_PORT}/${DB_DATABASE}
  Redis              redis://${REDIS_HOST}:${REDIS_PORT}
  Mail catcher       http://localhost:${MAILDEV_WEB_PORT}
URLS
    ;;
  down)
    for ((i = ${#comps[@]} - 1; i >= 0; i--)); do in_component "${comps[$i]}" down_one; done ;;
  status)
    for c in "${comps[@]}"; do in_component "$c" status_one; done ;;
  logs)
    if [ $# -eq 1 ]; then exec tail -n 100 -F "$ROOT/.platform/$1/$1.log"; fi
    for c in "${comps[@]}"; do
      f="$ROOT/.platform/$c/$c.log"; [ -f "$f" ] || continue
      echo "=== $c ($f)"; tail -n 20 "$f"
    done ;;
  *) echo "usage: $0 up|down|status|logs [component...]" >&2; exit 2 ;;
esac
