#!/usr/bin/env bash
# Warm restart: `make down` then `make up` (everything installed, data present), RUNS times
# (default 3). Prints each `up` wall time and the median, plus the per-component "up in Ns" of
# the last run. Leaves the platform up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-3}
bash runtime/platform.sh up >/dev/null   # the first cycle must start from a running platform
times=()
for ((i = 1; i <= RUNS; i++)); do
  bash runtime/platform.sh down >/dev/null
  t0=$(date +%s%N)
  out=$(bash runtime/platform.sh up 2>&1) || { printf '%s\n' "$out" >&2; echo "run $i: up FAILED" >&2; exit 1; }
  t=$(( ($(date +%s%N) - t0) / 1000000 ))
  times+=("$t")
  printf 'run %d: up in %d.%03d s\n' "$i" $((t / 1000)) $((t % 1000))
done
grep -E '\] up in' <<<"$out" | sed 's/^/  last run: /'
m=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
printf 'warm restart (down -> up), median of %d: %d.%03d s\n' "$RUNS" $((m / 1000)) $((m % 1000))
