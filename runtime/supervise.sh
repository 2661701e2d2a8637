#!/usr/bin/env bash
# Supervisor of one long-running app process (native runtime; Compose uses `restart:` instead).
#   supervise.sh STATE_DIR NAME -- CMD ARGS...
# Runs CMD and restarts it whenever it exits, after a backoff that doubles from 1 s up to
# SUPERVISE_MAX_BACKOFF (30 s). A run shorter than SUPERVISE_FAST_SECONDS (10 s) is a fast crash;
# after SUPERVISE_MAX_FAST_CRASHES (5) in a row it gives up and exits 1. A run that lasted longer
# resets the backoff. TERM/INT stop the child and the supervisor (it never restarts then).
# State for `make status`: STATE_DIR/supervisor.state = "running|backoff|gave-up RESTARTS DETAIL",
# the child's pid in STATE_DIR/NAME.child.pid.
set -uo pipefail
state_dir=$1 name=$2; shift 3
fast_seconds=${SUPERVISE_FAST_SECONDS:-10}
max_fast=${SUPERVISE_MAX_FAST_CRASHES:-5}
max_backoff=${SUPERVISE_MAX_BACKOFF:-30}
state_file="$state_dir/supervisor.state" child_file="$state_dir/$name.child.pid"

restarts=0 fast=0 backoff=1 child="" stopping=0
note()  { printf '%s [supervisor] %s\n' "$(date -u +%FT%TZ)" "$*"; }
state() { printf '%s %s %s\n' "$1" "$restarts" "${2:-}" >"$state_file"; }
on_stop() {
  stopping=1
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null
}
trap on_stop TERM INT

while :; do
  started=$SECONDS
  "$@" &
  child=$!
  echo "$child" >"$child_file"
  state running
  # `wait` returns early when a trapped signal arrives: wait again until the child is gone
  while :; do wait "$child"; code=$?; kill -0 "$child" 2>/dev/null || break; done
  child=""
  rm -f "$child_file"
  [ "$stopping" = 1 ] && { rm -f "$state_file"; exit 0; }
  ran=$((SECONDS - started))
  if [ "$ran" -lt "$fast_seconds" ]; then
    fast=$((fast + 1))
  else
    fast=0 backoff=1
  fi
  if [ "$fast" -ge "$max_fast" ]; then
    note "$name exited (code $code) after ${ran}s: $fast fast crashes in a row, giving up"
    state gave-up "after $fast fast crashes (last exit code $code)"
    exit 1
  fi
  restarts=$((restarts + 1))
  note "$name exited (code $code) after ${ran}s; restart $restarts in ${backoff}s"
  state backoff "exit code $code"
  sleep "$backoff" & wait $! 2>/dev/null
  [ "$stopping" = 1 ] && { rm -f "$state_file"; exit 0; }
  backoff=$((backoff * 2 > max_backoff ? max_backoff : backoff * 2))
done
