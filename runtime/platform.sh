#!/usr/bin/env bash
# Native runtime orchestrator: platform.sh up|down|status|logs [component...]
# Each component lives in runtime/components/<name>.sh (see runtime/README.md).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNTIME="$ROOT/runtime"

# Components: runtime/components/<name>.sh. Each declares DEPENDS="..." (the components it needs
# running or done first); `up X` brings X and everything it depends on, starting components whose
# dependencies are ready in parallel. LAUNCH_BESIDE="..." names those of its dependencies that only
# need to have been launched: the component itself waits for them (Connect's worker waits for
# Kafka), so its start-up overlaps theirs. Ties (and the listing order of status/down) follow the
# dependency order, then the name.
components() { for f in "$RUNTIME"/components/*.sh; do basename "$f" .sh; done; }
print_depends() { echo "${DEPENDS:-};${LAUNCH_BESIDE:-}"; }
declare -A DEPS=() BESIDE=()
load_deps() {
  local c d kept line
  for c in $(components); do
    kept=""
    line=$(in_component "$c" print_depends)
    for d in ${line%%;*}; do
      [ -f "$RUNTIME/components/$d.sh" ] && kept="$kept $d"   # an absent component is skipped
    done
    DEPS[$c]=$kept
    BESIDE[$c]=" ${line#*;} "
  done
}

# level C -> 0 without dependencies, else 1 + the highest level of its dependencies
declare -A LEVEL=()
level() {
  local c=$1 d l max=-1
  if [ -z "${LEVEL[$c]:-}" ]; then
    for d in ${DEPS[$c]}; do level "$d"; l=${LEVEL[$d]}; [ "$l" -gt "$max" ] && max=$l; done
    LEVEL[$c]=$((max + 1))
  fi
}

# closure C... -> C and everything they depend on, by level (dependencies first), then name
closure() {
  local -A seen=()
  local c d todo=("$@")
  while [ ${#todo[@]} -gt 0 ]; do
    c=${todo[0]}; todo=("${todo[@]:1}")
    [ -n "${seen[$c]:-}" ] && continue
    seen[$c]=1
    for d in ${DEPS[$c]}; do todo+=("$d"); done
  done
  for c in "${!seen[@]}"; do level "$c"; echo "${LEVEL[$c]} $c"; done | sort -k1,1n -k2,2 | cut -d' ' -f2 | tr '\n' ' '
}

# in_component NAME FUNCTION... : run a component function in an isolated subshell.
in_component() {
  local comp=$1; shift
  (
    NAME=$comp KIND=service PORT="" START_TIMEOUT=120 HEALTH_POLL_S=0.25   # a component whose check is costly polls less often
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

# locked COMP FUNC : run FUNC of COMP in a fresh platform.sh holding COMP's lock, so that two
# platform.sh runs (a test's `up indexer` during a `make up`, a `down` during an `up`) never both
# start or stop one component: the second waits, then finds it up (or down). flock -o keeps the
# lock's descriptor out of the command, so daemons started under it never hold the lock.
locked() {
  local rc=0 wait_s=${PLATFORM_LOCK_TIMEOUT:-600}
  mkdir -p "$ROOT/.platform/.locks"
  flock -o -w "$wait_s" -E 75 "$ROOT/.platform/.locks/component-$1.lock" bash "$RUNTIME/platform.sh" __locked "$1" "$2" || rc=$?
  [ "$rc" -eq 75 ] && echo "ERROR [$1]: another platform.sh run held the component's lock for ${wait_s}s" >&2
  return "$rc"
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
  [ -n "${PLATFORM_LAUNCHED:-}" ] && touch "$PLATFORM_LAUNCHED/$NAME"   # see LAUNCH_BESIDE
  local t0=$SECONDS
  until healthy >/dev/null 2>&1; do
    if ! alive 2>/dev/null; then log_tail >&2; fail "process exited during startup"; fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      log_tail >&2; fail "not healthy after ${START_TIMEOUT}s"
    fi
    sleep "$HEALTH_POLL_S"
  done
  say "[$NAME] up in $((SECONDS - t0))s ($(version))"
}

status_one() {
  [ "$KIND" = task ] && return 0
  local state=down
  healthy >/dev/null 2>&1 && state=up
  # supervisor: "-" (not supervised), restarts:N, or GAVE-UP (crashed repeatedly; `make up` retries)
  printf '%-14s %-5s %-11s %-40s %s\n' "$NAME" "$state" "$(supervisor_status)" "$(version 2>/dev/null || echo -)" "${PORT:--}"
}

down_one() {
  [ "$KIND" = task ] && return 0
  if alive 2>/dev/null || healthy >/dev/null 2>&1; then say "[$NAME] stopping"; stop; fi
}

# up_all C... : start each component once its dependencies are up/done, in parallel; stop
# launching on the first failure, let the running ones finish, name what failed or was skipped.
up_all() {
  local -A st=()
  local c d ready pid rc failed=() skipped=() launched awaiting_launch
  local -A by_pid=()
  PLATFORM_LAUNCHED=$(mktemp -d); export PLATFORM_LAUNCHED
  for c in "$@"; do st[$c]=pending; done
  while :; do
    launched=0 awaiting_launch=0
    for c in "$@"; do
      [ "${st[$c]}" = pending ] || continue
      ready=1
      for d in ${DEPS[$c]}; do
        case "${st[$d]:-done}" in
          done) ;;
          failed|skipped) ready=skip ;;
          running) if [[ ${BESIDE[$c]} == *" $d "* ]] && [ -e "$PLATFORM_LAUNCHED/$d" ]; then :
                   else [[ ${BESIDE[$c]} == *" $d "* ]] && awaiting_launch=1; [ "$ready" = skip ] || ready=0; fi ;;
          *) [ "$ready" = skip ] || ready=0 ;;
        esac
      done
      if [ "$ready" = skip ] || { [ "$ready" = 1 ] && [ ${#failed[@]} -gt 0 ]; }; then
        st[$c]=skipped; skipped+=("$c"); continue
      fi
      [ "$ready" = 1 ] || continue
      locked "$c" up_one &
      by_pid[$!]=$c; st[$c]=running; launched=1
    done
    [ ${#by_pid[@]} -eq 0 ] && break
    [ "$launched" = 1 ] && continue
    pid=""
    if [ "$awaiting_launch" = 1 ]; then
      # a component waits for a dependency's launch, which is not a job event: poll, reaping what ended
      sleep 0.2
      for pid in "${!by_pid[@]}"; do kill -0 "$pid" 2>/dev/null || break; pid=""; done
      [ -n "$pid" ] || continue
      wait "$pid" && rc=0 || rc=$?
    else
      wait -n -p pid && rc=0 || rc=$?
    fi
    [ -n "$pid" ] || continue
    c=${by_pid[$pid]}; unset "by_pid[$pid]"
    if [ "$rc" -eq 0 ]; then st[$c]=done; else st[$c]=failed; failed+=("$c"); fi
  done
  rm -rf "$PLATFORM_LAUNCHED"
  if [ ${#failed[@]} -gt 0 ]; then
    echo "ERROR: failed: ${failed[*]}${skipped:+; not started: ${skipped[*]}}" >&2
    return 1
  fi
}

cmd=${1:-status}; shift || true
if [ "$cmd" = __locked ]; then in_component "$1" "$2"; exit; fi   # see locked()
for c in "$@"; do
  [ -f "$RUNTIME/components/$c.sh" ] || { echo "ERROR: unknown component '$c' (no runtime/components/$c.sh)" >&2; exit 2; }
done
load_deps
read -r -a all <<<"$(closure $(components))"
if [ $# -eq 0 ]; then comps=("${all[@]}")
elif [ "$cmd" = up ]; then read -r -a comps <<<"$(closure "$@")"
else # the listed ones, in dependency order (down stops them in reverse: dependents first)
  comps=(); for c in "${all[@]}"; do for a in "$@"; do [ "$c" = "$a" ] && comps+=("$c"); done; done
fi

case "$cmd" in
  up)
    t0=$SECONDS
    up_all "${comps[@]}" || exit 1
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
  demo logins        admin ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
                     customers alice|bob|carol|dave|erin@example.com / Customer-Passw0rd!
URLS
    ;;
  down)
    for ((i = ${#comps[@]} - 1; i >= 0; i--)); do locked "${comps[$i]}" down_one; done ;;
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
