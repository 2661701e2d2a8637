#!/usr/bin/env bash
# Platform lifecycle on the real components: status after up, recovery of a killed component,
# a clear error for a port in use, and a clean `down` (nothing left running, no port bound).
# Runs last in `make test` because it stops the platform.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
P="bash runtime/platform.sh"
. runtime/lib.sh; load_env
pass=0 fail=0
check() { # check DESCRIPTION COMMAND...
  if "${@:2}"; then echo "ok   - $1"; pass=$((pass + 1)); else echo "FAIL - $1"; fail=$((fail + 1)); fi
}
mkdir -p .platform/test-results   # the concurrent-up logs below go there, also when run alone
report() { echo "$pass $fail" >.platform/test-results/lifecycle.count; }

status=$($P status); echo "$status"
none_is() { ! grep -qw "$1" <<<"$status"; }
check "every component is up after make up" none_is down
ports=$(awk '$NF ~ /^[0-9]+$/ {print $NF}' <<<"$status")

# Kill one component hard; `up` must bring back only that one.
redis_pid=$(cat .platform/redis/redis.pid)
kill -9 "$redis_pid"; sleep 1
check "status shows a killed component as down" bash -c "$P status | grep -E '^redis +down' >/dev/null"

# Its port taken by another process: `up` stops with a message naming component and port.
/usr/bin/python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $REDIS_PORT)); s.listen(); time.sleep(60)" &
squatter=$!
for _ in $(seq 50); do [ -n "$(ss -Hltn "sport = :$REDIS_PORT")" ] && break; sleep 0.2; done
out=$($P up redis 2>&1); rc=$?
kill $squatter 2>/dev/null; wait $squatter 2>/dev/null
port_in_use_named() { [ "$rc" -ne 0 ] && grep -q 'ERROR \[redis\]: port [0-9]* is already in use' <<<"$out"; }
check "up fails (rc=$rc) on a port in use, naming component and port" port_in_use_named

out=$($P up 2>&1); rc=$?
echo "$out" | grep -E '^\[' | head -20
check "second up succeeds" test $rc -eq 0
# The output is matched through a function, never pasted into `bash -c`: it may hold quotes.
has_line() { grep -q "$1" <<<"$out"; }
leaves_postgres_alone() { has_line '^\[postgres\] already up' && ! has_line '^\[postgres\] starting'; }
check "second up restarts the killed component" has_line '^\[redis\] starting'
check "second up leaves healthy components alone" leaves_postgres_alone

# Two `up`s at once (a test's `up` during a `make up`) start a stopped component once: one waits
# for the component's lock, then finds it up. Without the lock both started a supervisor, the pid
# file kept the second, and the first (with its own order worker) ran on, out of `down`'s reach.
$P down order-worker >/dev/null 2>&1
$P up order-worker >.platform/test-results/lifecycle-up-a.log 2>&1 & up_a=$!
$P up order-worker >.platform/test-results/lifecycle-up-b.log 2>&1 & up_b=$!
wait $up_a; rc_a=$?; wait $up_b; rc_b=$?
check "two concurrent ups both succeed (rc $rc_a, $rc_b)" test "$rc_a$rc_b" = 00
supervisors=$(pgrep -fc "runtime/supervise.sh $ROOT/.platform/order-worker order-worker" || true)
workers=$(pgrep -fc "^node dist/worker.js" || true)   # ^: the supervisor's own command line names it too
check "two concurrent ups start one supervisor ($supervisors) and one worker ($workers)" test "$supervisors$workers" = 11
lock=.platform/.locks/component-order-worker.lock
check "the running order worker does not hold its component's lock" flock -n "$lock" true
out=$(flock "$lock" env PLATFORM_LOCK_TIMEOUT=2 $P up order-worker 2>&1); rc=$?
waits_for_lock() { [ "$rc" -ne 0 ] && grep -q "ERROR \[order-worker\]: another platform.sh run held the component's lock" <<<"$out"; }
check "up waits for a component's lock, and names it when it times out (rc=$rc)" waits_for_lock

# LAUNCH_BESIDE: Connect's worker is launched while Kafka is still starting, and comes up once it is.
$P down connect kafka >/dev/null 2>&1
out=$($P up connect 2>&1); rc=$?
line_of() { grep -n -m1 -- "$1" <<<"$out" | cut -d: -f1; }
connect_beside_kafka() { [ "$rc" -eq 0 ] && [ -n "$(line_of '^\[kafka\] up in')" ] && [ "$(line_of '^\[connect\] starting')" -lt "$(line_of '^\[kafka\] up in')" ]; }
check "up connect launches Connect before Kafka is up, and both come up (rc=$rc)" connect_beside_kafka

# The indexer is launched beside the search node and waits for it itself (src/indexer.ts).
$P down indexer elasticsearch >/dev/null 2>&1
out=$($P up indexer 2>&1); rc=$?
indexer_beside_es() { [ "$rc" -eq 0 ] && [ -n "$(line_of '^\[elasticsearch\] up in')" ] && [ "$(line_of '^\[indexer\] starting')" -lt "$(line_of '^\[elasticsearch\] up in')" ]; }
check "up indexer launches the indexer before the search node is up, and both come up (rc=$rc)" indexer_beside_es

$P down >/dev/null 2>&1
status=$($P status); echo "$status"
check "every component is down after make down" none_is up
bound=""
for port in $ports 9093 9300 1080; do
  [ -n "$(ss -Hltn "sport = :$port")" ] && bound="$bound $port"
done
check "no platform port stays bound after down (${bound:-none})" test -z "$bound"
leftover=$(pgrep -af "$ROOT/((kafka|connectors|elasticsearch|runtime)/|\.platform/)" | grep -v pgrep || true)
check "no platform process left running" test -z "$leftover"
[ -n "$leftover" ] && echo "$leftover"

report
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
