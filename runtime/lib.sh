# Shared helpers for the native runtime. Sourced by platform.sh and by each component
# file (in a subshell, so component functions never clash).
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
PLATFORM_DIR="$ROOT/.platform"

load_env() {
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env.example"
  [ -f "$ROOT/.env" ] && . "$ROOT/.env"
  set +a
}

say()  { printf '%s\n' "$*"; }
fail() { printf 'ERROR [%s]: %s\n' "${NAME:-platform}" "$*" >&2; exit 1; }

# port_in_use PORT -> 0 when something listens on 127.0.0.1/0.0.0.0/::: PORT
# (no `| grep -q`: under pipefail an early-exiting grep makes the pipeline fail with SIGPIPE)
port_in_use() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

# port_owner PORT -> "pid/comm" of the listener, best effort
port_owner() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'; }

pidfile() { echo "$STATE/$NAME.pid"; }

# proc_alive PID: running, and not a zombie. Our daemons are reparented to pid 1 when the
# subshell that started them exits, and a pid 1 that doesn't reap leaves killed ones as zombies.
proc_alive() {
  local state
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
  [ -n "$state" ] && [ "$state" != Z ]
}

pid_alive() {
  local f; f=$(pidfile)
  [ -f "$f" ] && proc_alive "$(cat "$f")"
}

# start_bg CMD ARGS... : run detached in its own session, log to $LOG, record the pid.
# A new session is also a new scheduler autogroup: under CPU contention Linux shares the CPU
# between autogroups, not threads, so every component gets an equal share whatever its thread
# count. A component sets AUTOGROUP_NICE (e.g. -5: about 3x the weight of a nice-0 group) to
# get more; `nice` inside the group would only rank its own threads against each other.
start_bg() {
  mkdir -p "$STATE"
  setsid nohup bash -c '[ -z "$1" ] || echo "$1" >/proc/self/autogroup 2>/dev/null || true; shift; exec "$@"' \
    start_bg "${AUTOGROUP_NICE:-}" "$@" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$(pidfile)"
}

# start_supervised CMD ARGS... : like start_bg, under runtime/supervise.sh (restart with backoff,
# give up after repeated fast crashes). The pid file holds the supervisor; stopping its process
# group stops both. The child's pid: $STATE/$NAME.child.pid.
start_supervised() {
  rm -f "$STATE/supervisor.state"
  start_bg bash "$ROOT/runtime/supervise.sh" "$STATE" "$NAME" -- "$@"
}

# child_alive: the supervised process itself runs (not only its supervisor)
child_alive() { [ -f "$STATE/$NAME.child.pid" ] && proc_alive "$(cat "$STATE/$NAME.child.pid")"; }

# supervisor_status -> "-" (not supervised), "restarts:N" or "GAVE-UP" (see make status)
supervisor_status() {
  local f="$STATE/supervisor.state" st n
  [ -f "$f" ] || { echo -; return; }
  read -r st n _ <"$f"
  case "$st" in gave-up) echo GAVE-UP ;; *) echo "restarts:$n" ;; esac
}

# with_lock NAME CMD... : run CMD holding .platform/.locks/NAME.lock. Components start in parallel;
# installs that share something (dpkg, a node_modules folder, the gateway build) take turns.
with_lock() {
  local name=$1; shift
  mkdir -p "$PLATFORM_DIR/.locks"
  ( flock 9 && "$@" ) 9>"$PLATFORM_DIR/.locks/$name.lock"
}

# cds_opts KEY : the JVM options of an application class-data-sharing archive ($STATE/$NAME.jsa) for
# a component's java process (JDK 13+ dynamic archive over the JDK's base archive): the classes the
# last run loaded are mapped from the archive instead of being parsed and verified from the jars
# again. Without a valid archive for KEY (its jars/JDK; a new KEY deletes the old archive) the run
# writes one when it exits cleanly (`down`); a mismatching archive is ignored by the JVM itself
# (-Xshare:auto), so it can only cost the dump, never a failed start. CDS=0 turns it off.
cds_opts() {
  local jsa="$STATE/$NAME.jsa" key
  [ "${CDS:-1}" = 0 ] && return 0
  key=$(printf '%s\n' "$1" "$(readlink -f "$(command -v java)")" | sha256sum | cut -d' ' -f1)
  if [ -s "$jsa" ] && [ "$(cat "$jsa.key" 2>/dev/null)" = "$key" ]; then
    echo "-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$jsa"; echo "$key" >"$jsa.key"
    echo "-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# JVM_JIT_OPTS: HotSpot compiles a method once it ran N times; most of what a server runs while it
# starts (configuration, plugin scanning, index and topic recovery) runs a few thousand times and is
# never hot again, yet C1 and C2 compiled it on every start: 4-5 of Elasticsearch's ~9.5 CPU-s.
# Three times the thresholds leave start-up code interpreted; hot paths are still compiled, a little
# later. Measured on the warm restart, interleaved A/B (bench/warm-restart.sh, README "Warm restart").
JVM_JIT_OPTS=${JVM_JIT_OPTS--XX:CompileThresholdScaling=3}

# stop_pidfile: TERM the process group, wait up to STOP_TIMEOUT, then KILL.
stop_pidfile() {
  local f pid i; f=$(pidfile)
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if proc_alive "$pid"; then
    # a JVM writing its class-data-sharing archive at exit (cds_opts) needs longer, once
    local timeout=${STOP_TIMEOUT:-30}
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-XX:ArchiveClassesAtExit=' && timeout=$((timeout < 120 ? 120 : timeout))
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout; i++)); do
      proc_alive "$pid" || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# wait_for DESCRIPTION TIMEOUT_SECONDS COMMAND... : poll until COMMAND succeeds.
wait_for() {
  local what=$1 timeout=$2; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      return 1
    fi
    sleep 1
  done
  say "  $what after $((SECONDS - start))s"
}

# grant_traverse USER DIR: let USER reach DIR (o+x on every parent it cannot traverse yet).
grant_traverse() {
  local d=$2
  while [ "$d" != / ]; do
    runuser -u "$1" -- test -x "$d" 2>/dev/null || chmod o+x "$d"
    d=$(dirname "$d")
  done
}

# the Laravel admin's writable directories (php-fpm, artisan tasks)
admin_storage_dirs() { mkdir -p "$ROOT"/admin-service/storage/{logs,framework/{cache,sessions,views}} "$ROOT/admin-service/bootstrap/cache"; }

require_cmd() { command -v "$1" >/dev/null 2>&1 || fail "missing '$1' ($2)"; }

apt_install() { with_lock dpkg apt_install_locked "$@" || exit 1; }
apt_install_locked() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "  apt-get install ${missing[*]}"
  if [ ! -f "$PLATFORM_DIR/.apt-updated" ]; then
    apt-get update -qq >/dev/null 2>&1 || fail "apt-get update failed"
    mkdir -p "$PLATFORM_DIR" && touch "$PLATFORM_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
}

require_java() {
  command -v java >/dev/null 2>&1 || fail "missing Java: install a JDK 17+ (apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null 2>&1 || fail "missing Maven: apt-get install maven"
}

# mvn_resolve DIR : copy the pom's dependencies into DIR/lib once (or when pom.xml changed).
mvn_resolve() { with_lock "mvn-$(basename "$1")" mvn_resolve_locked "$@" || exit 1; }
mvn_resolve_locked() {
  local dir=$1 stamp="$1/lib/.pom.sha"
  local sum; sum=$(sha256sum "$dir/pom.xml" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return 0; fi
  say "  resolving $(basename "$dir") jars from Maven Central"
  rm -rf "$dir/lib"
  (cd "$dir" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime) \
    >"$PLATFORM_DIR/mvn-$(basename "$dir").log" 2>&1 \
    || fail "Maven download failed for $(basename "$dir"): see .platform/mvn-$(basename "$dir").log ($(grep -m1 ERROR "$PLATFORM_DIR/mvn-$(basename "$dir").log"))"
  echo "$sum" >"$stamp"
}

npm_install() { with_lock "npm-$(basename "$1")" npm_install_locked "$@" || exit 1; }
npm_install_locked() {
  local dir=$1
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then return 0; fi
  say "  npm ci in ${dir#$ROOT/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$PLATFORM_DIR/npm-$(basename "$dir").log" 2>&1 \
    || fail "npm ci failed in ${dir#$ROOT/}: see .platform/npm-$(basename "$dir").log"
}

# --- api-gateway: one build shared by its processes (api-gateway, indexer, order-worker) and the
# schema task. Rebuilt when any source or config is newer than the last build.
GATEWAY_DIR="$ROOT/api-gateway"
GATEWAY_STAMP="$GATEWAY_DIR/dist/.build-stamp"

gateway_build() { with_lock gateway-build gateway_build_locked || exit 1; }
gateway_build_locked() {
  require_cmd node "install Node.js 20+"
  npm_install "$GATEWAY_DIR"
  if [ -f "$GATEWAY_STAMP" ] && [ -z "$(find "$GATEWAY_DIR/src" "$GATEWAY_DIR/package.json" \
       "$GATEWAY_DIR"/tsconfig*.json "$ROOT/elasticsearch/index" -type f ! -name '*.spec.ts' \
       -newer "$GATEWAY_STAMP" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "  building api-gateway (tsc)"
  (cd "$GATEWAY_DIR" && npm run build --silent) >"$PLATFORM_DIR/build-api-gateway.log" 2>&1 \
    || fail "api-gateway build failed: see .platform/build-api-gateway.log ($(grep -m1 'error TS' "$PLATFORM_DIR/build-api-gateway.log"))"
  touch "$GATEWAY_STAMP"
}

# restart_if_stale: a gateway process started before the last build serves old code; stop it so
# that `up` starts it again (the pid file's time is the process's start time).
restart_if_stale() {
  if pid_alive && [ "$(pidfile)" -ot "$GATEWAY_STAMP" ]; then
    say "  [$NAME] restarting: the running process predates the last build"
    stop
  fi
}

# package_version PACKAGE_JSON -> its "version". Read with sed, not a Node or PHP process: every
# component's version() runs on each start, and those processes added up to ~1 CPU-s of a warm start.
package_version() { sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' "$1" 2>/dev/null | head -1; }
laravel_version() { sed -n "s/^ *const VERSION = '\([^']*\)'.*/\1/p" /usr/share/php/Illuminate/Foundation/Application.php 2>/dev/null; }
gateway_version() { # gateway_version LABEL PACKAGE
  echo "$1 $(package_version "$GATEWAY_DIR/node_modules/$2/package.json") / node $(node -v)"
}
