#!/usr/bin/env bash
# Warm restart: `make down` then `make up` (everything installed, data present), RUNS times
# (default 3). Prints each `up` wall time, the CPU time the whole machine spent meanwhile (from
# /proc/stat: near 2 x wall on this 2-core machine means the start is CPU-bound, and only less work
# makes it faster), the median, and the per-component "up in Ns" of the last run. Leaves the platform up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-3}
bash runtime/platform.sh up >/dev/null   # the first cycle must start from a running platform
busy_ms() { awk '/^cpu / {print ($2 + $3 + $4 + $7 + $8) * 10}' /proc/stat; }   # user nice system irq softirq, 100 Hz
times=()
for ((i = 1; i <= RUNS; i++)); do
  bash runtime/platform.sh down >/dev/null
  t0=$(date +%s%N); b0=$(busy_ms)
  out=$(bash runtime/platform.sh up 2>&1) || { printf '%s\n' "$out" >&2; echo "run $i: up FAILED" >&2; exit 1; }
  t=$(( ($(date +%s%N) - t0) / 1000000 )); b=$(( $(busy_ms) - b0 ))
  times+=("$t")
  printf 'run %d: up in %d.%03d s, machine CPU %d.%d s (%d.%02d cores busy on average of %d)\n' "$i" $((t / 1000)) $((t % 1000)) \
    $((b / 1000)) $((b % 1000 / 100)) $((b / t)) $((b * 100 / t % 100)) "$(nproc)"
done
grep -E '\] up in' <<<"$out" | sed 's/^/  last run: /'
m=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
printf 'warm restart (down -> up), median of %d: %d.%03d s\n' "$RUNS" $((m / 1000)) $((m % 1000))
