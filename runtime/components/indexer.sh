# CDC indexer (api-gateway/dist/indexer.js): Debezium topics -> Elasticsearch + Redis invalidation.
# Health and Prometheus metrics on INDEXER_HTTP_PORT (default 3001): /health, /metrics.
PORT=${INDEXER_HTTP_PORT:-3001}
APP="$ROOT/api-gateway"
START_TIMEOUT=90

needs_build() {
  [ -f "$APP/dist/indexer.js" ] || return 0
  [ -n "$(find "$APP/src" "$APP/package.json" "$APP/tsconfig.json" "$APP/tsconfig.build.json" "$ROOT/elasticsearch/index" \
          -newer "$APP/dist/indexer.js" \( -name '*.ts' -o -name '*.json' -o -name '*.txt' \) -print -quit 2>/dev/null)" ]
}

install() {
  require_cmd node "install Node.js 20+"
  require_cmd curl "apt-get install curl"
  npm_install "$APP"
  if needs_build; then
    say "  building api-gateway (tsc) for the indexer"
    (cd "$APP" && npm run build --silent) >"$PLATFORM_DIR/build-indexer.log" 2>&1 \
      || fail "build failed: see .platform/build-indexer.log ($(grep -m1 'error TS' "$PLATFORM_DIR/build-indexer.log"))"
    touch "$APP/dist/indexer.js"
  fi
}

start() {
  cd "$APP" && INDEXER_HTTP_PORT=$PORT start_bg node dist/indexer.js
}

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; }

version() {
  echo "indexer (kafkajs $(node -p "require('$APP/node_modules/kafkajs/package.json').version" 2>/dev/null)) / node $(node -v)"
}
