# One-shot task: real picture files for the demo catalog's image rows (GD, deterministic; only the
# missing ones, ~2 s when all exist). Its own task, so painting (~40 s for 23k images on 2 cores) runs
# beside the connector's snapshot and the indexer instead of before them; two processes share the rows.
KIND=task
DEPENDS="demo-catalog debian-packages"
PAINTERS=${DEMO_IMAGE_PAINTERS:-2}

install() { admin_storage_dirs; }

run() {
  local i pids=() rc=0
  for ((i = 0; i < PAINTERS; i++)); do
    php "$ROOT/admin-service/artisan" catalog:seed-images --shard="$i/$PAINTERS" >"$STATE/painter-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || rc=1; cat "$STATE/painter-$i.log" >>"$LOG"; done
  [ "$rc" -eq 0 ] || fail "painting the demo product images failed: see ${LOG#$ROOT/}"
  cat "$STATE"/painter-*.log | sed 's/^/  /'
}
