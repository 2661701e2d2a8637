#!/usr/bin/env bash
# The fault suite (runtime/faults, docs/reliability.md): `make test-faults` runs the full form,
# `make test` the short CI form (`run.sh --ci`). Extra arguments go to run.mjs
# (--only a,b  --skip-wal  --skip-soak  --skip-fuzz  --<param> value).
# Whatever happens, the flag file other engineers watch is removed and the platform is brought
# back up (a scenario may have stopped a component).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
FLAG=${FAULTS_FLAG_FILE:-/tmp/team/FAULTS_RUNNING}
restore() {
  rc=$?
  rm -f "$FLAG"
  if [ "$rc" -ne 0 ]; then
    echo "[faults] exit $rc: making sure the platform is up"
    bash runtime/platform.sh up >/dev/null 2>&1 || echo "[faults] platform.sh up failed: see make status"
    rm -f "$FLAG"
  fi
  exit "$rc"
}
trap restore EXIT
trap 'exit 130' INT TERM
node runtime/faults/run.mjs "$@"
