#!/usr/bin/env bash
# Seeder benchmark: reseeds the platform database RUNS times with PRODUCTS products and
# prints every run and the median (the seeder's own end-to-end time: truncate, COPY of all
# tables, commit, ANALYZE; plus the process wall time including Node start-up).
#
#   bench/seed.sh [RUNS]            (default RUNS=3, PRODUCTS=100000, ORDERS=2000)
#   PRODUCTS=10000 bench/seed.sh 5
#
# Needs PostgreSQL up (bash runtime/platform.sh up postgres) and the schema migrated
# (bash runtime/platform.sh up schema). WARNING: replaces the catalog/order data of DB_DATABASE.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-${RUNS:-3}}
PRODUCTS=${PRODUCTS:-100000}
GW="$ROOT/api-gateway"
cd "$GW"

runner=()
if [ ! -f dist/database/seed/run.js ] || [ -n "$(find src/database -name '*.ts' -newer dist/database/seed/run.js -print -quit)" ]; then
  echo "building api-gateway (npm run build)..." >&2
  if ! npm run -s build >/tmp/bench-seed-build.log 2>&1; then
    echo "  build failed (see /tmp/bench-seed-build.log); falling back to ts-node --transpile-only" >&2
    runner=(npx ts-node --transpile-only src/database/seed/run.ts)
  fi
fi
[ ${#runner[@]} -eq 0 ] && runner=(node dist/database/seed/run.js)

totals=()
walls=()
for ((i = 1; i <= RUNS; i++)); do
  t0=$(date +%s%N)
  out=$("${runner[@]}" --products "$PRODUCTS" --json)
  t1=$(date +%s%N)
  total=$(node -e 'const r=JSON.parse(process.argv[1]); process.stdout.write(String(r.timings.total))' "$out")
  phases=$(node -e 'const r=JSON.parse(process.argv[1]); const t=r.timings; process.stdout.write(Object.entries(t).filter(([k])=>k!=="total").map(([k,v])=>k+"="+v).join(" "))' "$out")
  wall=$(((t1 - t0) / 1000000))
  totals+=("$total"); walls+=("$wall")
  printf 'run %d: seed %6d ms  (process %6d ms)  %s\n' "$i" "$total" "$wall" "$phases"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
counts=$(node -e 'const r=JSON.parse(process.argv[1]); process.stdout.write(Object.entries(r.counts).map(([k,v])=>k+"="+v).join(" "))' "$out")
echo "products=$PRODUCTS runs=$RUNS  median seed time: $(median "${totals[@]}") ms  median process time: $(median "${walls[@]}") ms"
echo "rows: $counts"
